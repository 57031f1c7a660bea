/**
 * The sample files the image-type sniffing is judged on (tests/unit/imageType.test.ts and
 * `npm run bench:image-type`): one real, decodable file per accepted format (a 1 × 1 PNG with its CRCs, the
 * 1 × 1 GIF89a, lossy / lossless / extended WebP, a camera-style JPEG), an iPhone HEIC header, files cut short,
 * and files that are not images (an .xlsx, HTML, SVG, PDF, MP4, WAV, a text that starts with "GIF8") as an
 * upload disguised as a photo would arrive. `expected` is what a sniffer must answer (null: not an image of ours).
 */
import { deflateSync } from 'node:zlib'
import type { ImageType } from '../../shared/media/imageType'
import { cameraJpeg } from './jpeg'

export interface SampleFile {
  name: string
  bytes: Buffer
  expected: ImageType | null
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(b: Buffer): number {
  let c = 0xffffffff
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A valid PNG of width × height red pixels (IHDR, IDAT, IEND with their CRCs). */
export function pngImage(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0)])
  for (let x = 0; x < width; x++) row[1 + x * 3] = 0xff
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The classic 1 × 1 transparent GIF89a. */
const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
/** 1 × 1 lossy WebP (VP8) and lossless WebP (VP8L), as libwebp writes them. */
const WEBP_LOSSY = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64')
const WEBP_LOSSLESS = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')

/** An extended WebP (VP8X header with a 640 × 480 canvas, then the lossy 1 × 1 bitstream). */
function webpExtended(): Buffer {
  const vp8x = Buffer.alloc(18)
  vp8x.write('VP8X', 0, 'latin1')
  vp8x.writeUInt32LE(10, 4)
  vp8x.writeUIntLE(640 - 1, 12, 3)
  vp8x.writeUIntLE(480 - 1, 15, 3)
  const vp8 = WEBP_LOSSY.subarray(12)
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x, vp8])
  const head = Buffer.alloc(8)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(body.length, 4)
  return Buffer.concat([head, body])
}

/** An ISO-BMFF file: its ftyp box with these brands, then an empty meta box. */
function isoBmff(major: string, compatible: string[]): Buffer {
  const ftyp = Buffer.alloc(16 + compatible.length * 4)
  ftyp.writeUInt32BE(ftyp.length, 0)
  ftyp.write('ftyp', 4, 'latin1')
  ftyp.write(major, 8, 'latin1')
  compatible.forEach((b, i) => ftyp.write(b, 16 + i * 4, 'latin1'))
  const meta = Buffer.alloc(12)
  meta.writeUInt32BE(12, 0)
  meta.write('meta', 4, 'latin1')
  return Buffer.concat([ftyp, meta, Buffer.alloc(64)])
}

/** A RIFF file of another form (WAVE). */
function wav(): Buffer {
  const b = Buffer.alloc(44)
  b.write('RIFF', 0, 'latin1')
  b.writeUInt32LE(36, 4)
  b.write('WAVEfmt ', 8, 'latin1')
  b.writeUInt32LE(16, 16)
  b.writeUInt16LE(1, 20)
  b.writeUInt16LE(1, 22)
  b.writeUInt32LE(8000, 24)
  b.writeUInt32LE(16000, 28)
  b.writeUInt16LE(2, 32)
  b.writeUInt16LE(16, 34)
  b.write('data', 36, 'latin1')
  return b
}

/** A ZIP's local file header, as an .xlsx (exceljs) or any Office file starts. */
function zipFile(): Buffer {
  const name = Buffer.from('[Content_Types].xml', 'latin1')
  const h = Buffer.alloc(30)
  h.writeUInt32LE(0x04034b50, 0)
  h.writeUInt16LE(20, 4)
  h.writeUInt16LE(name.length, 26)
  return Buffer.concat([h, name, Buffer.from('<?xml version="1.0"?><Types/>', 'latin1'), Buffer.alloc(64)])
}

export function sampleImages(): SampleFile[] {
  const jpeg = cameraJpeg(640, 480, 4096)
  const png = pngImage(2, 2)
  return [
    { name: 'photo.jpg (JPEG, 640×480)', bytes: jpeg, expected: 'image/jpeg' },
    { name: 'phone.jpg (JPEG, 3024×4032, 1 MB)', bytes: cameraJpeg(3024, 4032, 1024 * 1024), expected: 'image/jpeg' },
    { name: 'pixel.png (PNG 2×2)', bytes: png, expected: 'image/png' },
    { name: 'pixel.gif (GIF89a 1×1)', bytes: GIF_1X1, expected: 'image/gif' },
    { name: 'lossy.webp (VP8)', bytes: WEBP_LOSSY, expected: 'image/webp' },
    { name: 'lossless.webp (VP8L)', bytes: WEBP_LOSSLESS, expected: 'image/webp' },
    { name: 'extended.webp (VP8X)', bytes: webpExtended(), expected: 'image/webp' },
    { name: 'iphone.heic (ftyp heic)', bytes: isoBmff('heic', ['mif1', 'heic']), expected: 'image/heic' },
    { name: 'cut.jpg (2 bytes: FF D8)', bytes: jpeg.subarray(0, 2), expected: null },
    { name: 'cut.png (7 bytes of signature)', bytes: png.subarray(0, 7), expected: null },
    { name: 'cut.webp (RIFF…WEBP, no chunk)', bytes: WEBP_LOSSY.subarray(0, 12), expected: null },
    { name: 'empty.jpg (0 bytes)', bytes: Buffer.alloc(0), expected: null },
    { name: 'table.jpg (an .xlsx)', bytes: zipFile(), expected: null },
    { name: 'page.jpg (HTML)', bytes: Buffer.from('<!DOCTYPE html><html><body>图片</body></html>'), expected: null },
    {
      name: 'vector.png (SVG)',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'),
      expected: null,
    },
    { name: 'scan.jpg (PDF)', bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n'), expected: null },
    { name: 'clip.jpg (MP4, ftyp isom)', bytes: isoBmff('isom', ['isom', 'mp41']), expected: null },
    { name: 'voice.webp (WAV, RIFF…WAVE)', bytes: wav(), expected: null },
    { name: 'note.gif (text "GIF8 不是图片")', bytes: Buffer.from('GIF8 不是图片'), expected: null },
  ]
}
