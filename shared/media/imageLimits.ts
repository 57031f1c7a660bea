/**
 * The limits of WeChat's image checks and the pure arithmetic around them (no I/O), shared by the phone (resize and
 * compress before the upload), the functions (img_sec_check or media_check_async) and the WeChat double.
 *
 * - img_sec_check (synchronous): the file at most 1 MB and at most 750 px wide × 1334 px high (the documented
 *   "图片尺寸不超过 750px × 1334px"); a larger one is answered errcode 40006 `invalid media size`.
 * - media_check_async (v2): a file up to 10 MB, fetched by WeChat from `media_url`; the verdict is pushed later
 *   (event `wxa_media_check`, within 30 minutes).
 */

export const IMG_SEC_CHECK_MAX_BYTES = 1024 * 1024
export const IMG_SEC_CHECK_MAX_WIDTH = 750
export const IMG_SEC_CHECK_MAX_HEIGHT = 1334
export const MEDIA_CHECK_ASYNC_MAX_BYTES = 10 * 1024 * 1024
/** errcode of img_sec_check for a file over its size or dimension limit. */
export const INVALID_MEDIA_SIZE = 40006

/** What the phone aims for: under the sync limit with room for the multipart framing. */
export const UPLOAD_TARGET_BYTES = 1_000_000
/** Quality steps the phone tries, best first, until the file is small enough. */
export const QUALITY_STEPS = [80, 65, 50, 35] as const

export interface Size {
  width: number
  height: number
}

/** The largest size with the same aspect ratio that fits in 750 × 1334 (never enlarged; whole pixels, at least 1). */
export function fitWithin(
  size: Size,
  max: Size = { width: IMG_SEC_CHECK_MAX_WIDTH, height: IMG_SEC_CHECK_MAX_HEIGHT },
): Size {
  const { width, height } = size
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 }
  const scale = Math.min(1, max.width / width, max.height / height)
  if (scale >= 1) return { width, height }
  return {
    width: Math.max(1, Math.min(max.width, Math.floor(width * scale))),
    height: Math.max(1, Math.min(max.height, Math.floor(height * scale))),
  }
}

/** Within img_sec_check's limits (an unknown size counts as within: WeChat decides). */
export function withinSyncCheck(bytes: number, size: Size | null): boolean {
  if (bytes > IMG_SEC_CHECK_MAX_BYTES) return false
  if (!size) return true
  return size.width <= IMG_SEC_CHECK_MAX_WIDTH && size.height <= IMG_SEC_CHECK_MAX_HEIGHT
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1]
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8)
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...Array.from(b.subarray(i, i + n)))

/** Width and height from the header of a JPEG, PNG, GIF or WebP; null when it is none of them or is cut short. */
export function imageDimensions(b: Uint8Array): Size | null {
  // PNG: signature, then IHDR with width and height
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR')
    return { width: u32be(b, 16), height: u32be(b, 20) }
  // GIF: logical screen size
  if (b.length >= 10 && ascii(b, 0, 4) === 'GIF8') return { width: u16le(b, 6), height: u16le(b, 8) }
  // WebP: VP8 (lossy), VP8L (lossless) or VP8X (extended)
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const kind = ascii(b, 12, 4)
    if (kind === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
    if (kind === 'VP8L') {
      const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
    }
    if (kind === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }
    return null
  }
  // JPEG: walk the segments to the first start-of-frame
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null
      const marker = b[i + 1]
      if (marker === 0xff) {
        i += 1
        continue
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2
        continue
      }
      const len = u16be(b, i + 2)
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
      if (isSof) return { width: u16be(b, i + 7), height: u16be(b, i + 5) }
      if (len < 2) return null
      i += 2 + len
    }
    return null
  }
  return null
}
