/**
 * What kind of image a file is, from its first bytes (the format's signature, never the file name or the type
 * the client claims): JPEG, PNG, GIF or WebP. Pure and synchronous over a Uint8Array (a Node Buffer is one), so
 * the functions, the emulator's storage and the phone share it. Why this and not the `file-type` package:
 * docs/adr/0020-image-type-sniffing.md (measured by `npm run bench:image-type`).
 *
 * HEIC (an iPhone's own format) is recognised only to be refused: WeChat's img_sec_check takes PNG, JPEG and GIF,
 * and the phone re-encodes every picked photo as JPEG before the upload (services/feedbackPhotos.ts).
 */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/heic'

/** What an upload may be (the emulator's storage, the H5 upload): 「只能上传 JPG、PNG 或 WebP 格式的图片」. */
export const UPLOAD_IMAGE_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp']

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** ISO-BMFF brands of HEIF stills (ftyp box): heic, heix, hevc, heim, heis, hevm, hevs, mif1. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs', 'mif1'])

const ascii = (b: Uint8Array, at: number, n: number): string => {
  let s = ''
  for (let i = at; i < at + n && i < b.length; i++) s += String.fromCharCode(b[i])
  return s
}

/** The image type of these bytes by signature; null when they are none of the five (or too short to tell). */
export function imageTypeOf(b: Uint8Array): ImageType | null {
  // JPEG: SOI then the first marker's 0xFF (FF D8 FF)
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && PNG_SIGNATURE.every((x, i) => b[i] === x)) return 'image/png'
  // GIF87a / GIF89a
  if (b.length >= 6 && ascii(b, 0, 4) === 'GIF8' && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61)
    return 'image/gif'
  // WebP: a RIFF container of form WEBP whose first chunk is VP8, VP8L or VP8X
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP' && ascii(b, 12, 3) === 'VP8')
    return 'image/webp'
  // HEIC: an ftyp box first, with a HEIF still-image major brand
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(b, 8, 4))) return 'image/heic'
  return null
}

/** The type of an image an upload may be (JPEG, PNG, WebP), or null. */
export function uploadImageTypeOf(b: Uint8Array): ImageType | null {
  const t = imageTypeOf(b)
  return t && UPLOAD_IMAGE_TYPES.includes(t) ? t : null
}
