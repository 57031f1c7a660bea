/**
 * The photo picker of feedback and application materials. WeChat's synchronous image check takes at most 1 MB and
 * 750 × 1334 px (@shared/media/imageLimits), and a phone photo is 3–5 MB at 3000 × 4000 px: every picked photo is
 * resized to fit 750 × 1334 and re-encoded as JPEG with stepping quality (80, 65, 50, 35) until it is under 1 MB,
 * before anything is uploaded. A photo already within both limits is kept as it is.
 *
 * - weapp: `Taro.compressImage` with compressedWidth / compressedHeight (base library 2.26.0); where that does not
 *   give the size asked for (an older base library, or iOS, which compresses only JPG), an offscreen 2d canvas and
 *   `canvasToTempFilePath` as JPG.
 * - H5: the browser's canvas (`toBlob('image/jpeg', q)`); the result is a new blob: URL, which the upload reads.
 * When nothing can shrink a photo the original is uploaded: the function then checks it asynchronously
 * (media_check_async) and the item waits for WeChat's verdict.
 */
import Taro from '@tarojs/taro'
import {
  fitWithin,
  IMG_SEC_CHECK_MAX_HEIGHT,
  IMG_SEC_CHECK_MAX_WIDTH,
  QUALITY_STEPS,
  type Size,
  UPLOAD_TARGET_BYTES,
} from '@shared/media/imageLimits'

export interface PhotoFacts {
  size: Size
  bytes: number
}

/** How a platform reads and re-encodes a local image. */
export interface PhotoTools {
  /** Pixel size and byte size of a local image; null when it cannot be read. */
  inspect(src: string): Promise<PhotoFacts | null>
  /** Ways to re-encode `src` as JPEG at `size` and `quality` (0–100), tried in order: a new local path, or null. */
  encoders: ((src: string, size: Size, quality: number) => Promise<string | null>)[]
}

const withinDimensions = (s: Size) => s.width <= IMG_SEC_CHECK_MAX_WIDTH && s.height <= IMG_SEC_CHECK_MAX_HEIGHT
const fits = (f: PhotoFacts) => withinDimensions(f.size) && f.bytes <= UPLOAD_TARGET_BYTES

/**
 * A local path of the photo within 750 × 1334 and under 1 MB: the photo itself when it already is; else the first
 * encoder's output that is, stepping the quality down; an encoder whose output keeps a larger size is skipped.
 * The smallest output that is at least within the dimensions when none gets under 1 MB; the original when nothing works.
 */
export async function shrinkPhoto(src: string, tools: PhotoTools): Promise<string> {
  const facts = await tools.inspect(src).catch(() => null)
  if (!facts || fits(facts)) return src
  const target = fitWithin(facts.size)
  let best: { path: string; bytes: number } | null = null
  for (const encode of tools.encoders) {
    for (const quality of QUALITY_STEPS) {
      const out = await encode(src, target, quality).catch(() => null)
      const got = out ? await tools.inspect(out).catch(() => null) : null
      if (!out || !got || !withinDimensions(got.size)) break // this encoder cannot do it: the next one
      if (got.bytes <= UPLOAD_TARGET_BYTES) return out
      if (!best || got.bytes < best.bytes) best = { path: out, bytes: got.bytes }
    }
  }
  return best?.path ?? src
}

// --- weapp

function fileBytesWeapp(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (r: { size: number }) => resolve(r.size),
      fail: reject,
    })
  })
}

const weappTools: PhotoTools = {
  async inspect(src) {
    const info = await Taro.getImageInfo({ src })
    return { size: { width: info.width, height: info.height }, bytes: await fileBytesWeapp(src) }
  },
  encoders: [
    async (src, size, quality) => {
      const r = await Taro.compressImage({
        src,
        quality,
        compressedWidth: size.width,
        compressedHeight: size.height,
      } as Parameters<typeof Taro.compressImage>[0])
      return r.tempFilePath || null
    },
    async (src, size, quality) => {
      const canvas = Taro.createOffscreenCanvas({ type: '2d', width: size.width, height: size.height })
      const image = canvas.createImage() as unknown as {
        onload: () => void
        onerror: (e: unknown) => void
        src: string
      }
      await new Promise<void>((resolve, reject) => {
        image.onload = resolve
        image.onerror = reject
        image.src = src
      })
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
      ctx.drawImage(image as unknown as CanvasImageSource, 0, 0, size.width, size.height)
      const r = await Taro.canvasToTempFilePath({
        canvas,
        fileType: 'jpg',
        quality: quality / 100,
        destWidth: size.width,
        destHeight: size.height,
      } as unknown as Parameters<typeof Taro.canvasToTempFilePath>[0])
      return r.tempFilePath || null
    },
  ],
}

// --- H5 (only in the H5 build; this module is loaded by the feedback and application pages, not the home page)

function loadImageH5(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = src
  })
}

const h5Tools: PhotoTools = {
  async inspect(src) {
    const [blob, img] = await Promise.all([fetch(src).then((r) => r.blob()), loadImageH5(src)])
    return { size: { width: img.naturalWidth, height: img.naturalHeight }, bytes: blob.size }
  },
  encoders: [
    async (src, size, quality) => {
      const img = await loadImageH5(src)
      const canvas = document.createElement('canvas')
      canvas.width = size.width
      canvas.height = size.height
      const ctx = canvas.getContext('2d')
      if (!ctx) return null
      ctx.drawImage(img, 0, 0, size.width, size.height)
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality / 100))
      return blob ? URL.createObjectURL(blob) : null
    },
  ],
}

/** Photos chosen on the phone (or in the browser's file picker in H5), at most `max`, each made small enough for WeChat's check; none when the user cancels. */
export async function choosePhotos(max: number): Promise<string[]> {
  let picked: string[]
  try {
    const r = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    picked = r.tempFilePaths.slice(0, max)
  } catch {
    return []
  }
  const tools = process.env.TARO_ENV === 'h5' ? h5Tools : weappTools
  const out: string[] = []
  for (const p of picked) out.push(await shrinkPhoto(p, tools))
  return out
}
