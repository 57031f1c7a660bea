/**
 * The phone's photo reduction (miniprogram/src/services/feedbackPhotos.ts) with fake platform tools: resize to fit
 * 750 × 1334, quality stepping until under 1 MB, the next encoder when one ignores the size, the original when
 * nothing works. And the limits arithmetic of shared/media/imageLimits.ts.
 */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import { shrinkPhoto, type PhotoFacts, type PhotoTools } from '../../miniprogram/src/services/feedbackPhotos'
import { fitWithin, imageDimensions, withinSyncCheck } from '../../shared/media/imageLimits'
import { cameraJpeg } from '../helpers/jpeg'
import { solidPng } from '../helpers/png'

/** Files by path; an encoder writes `<src>@<w>x<h>q<quality>` whose byte size is given by `bytesAt`. */
function fakeTools(
  files: Record<string, PhotoFacts>,
  encoders: ((size: { width: number; height: number }, q: number) => PhotoFacts | null)[],
) {
  const calls: string[] = []
  const tools: PhotoTools = {
    inspect: async (src) => files[src] ?? null,
    encoders: encoders.map((enc, i) => async (src, size, q) => {
      calls.push(`${i}:${size.width}x${size.height}q${q}`)
      const out = enc(size, q)
      if (!out) return null
      const path = `${src}@${i}:${size.width}x${size.height}q${q}`
      files[path] = out
      return path
    }),
  }
  return { tools, calls }
}
const phone = { size: { width: 3024, height: 4032 }, bytes: 4 * 1024 * 1024 }

describe('shrinkPhoto', () => {
  test('a photo within 750 × 1334 and under 1 MB is kept as it is (no re-encoding)', async () => {
    const { tools, calls } = fakeTools({ a: { size: { width: 600, height: 800 }, bytes: 200_000 } }, [() => null])
    expect(await shrinkPhoto('a', tools)).toBe('a')
    expect(calls).toEqual([])
  })

  test('a 4 MB phone photo is resized to 750 × 1000 at quality 80 when that is under 1 MB', async () => {
    const { tools, calls } = fakeTools({ p: phone }, [(size) => ({ size, bytes: 250_000 })])
    expect(await shrinkPhoto('p', tools)).toBe('p@0:750x1000q80')
    expect(calls).toEqual(['0:750x1000q80'])
  })

  test('the quality steps down (80, then 65, …) until the file is under 1 MB', async () => {
    const { tools, calls } = fakeTools({ p: phone }, [(size, q) => ({ size, bytes: q * 15_000 })])
    expect(await shrinkPhoto('p', tools)).toBe('p@0:750x1000q65')
    expect(calls).toEqual(['0:750x1000q80', '0:750x1000q65'])
  })

  test('an encoder that ignores the size asked for (old base library, iOS with PNG) gives way to the next (canvas)', async () => {
    const { tools, calls } = fakeTools({ p: phone }, [
      () => ({ size: phone.size, bytes: 3_000_000 }),
      (size) => ({ size, bytes: 300_000 }),
    ])
    expect(await shrinkPhoto('p', tools)).toBe('p@1:750x1000q80')
    expect(calls).toEqual(['0:750x1000q80', '1:750x1000q80'])
  })

  test('when nothing gets under 1 MB the smallest reduced file goes up; when nothing works, the original', async () => {
    const big = fakeTools({ p: phone }, [(size, q) => ({ size, bytes: 1_100_000 + q })])
    expect(await shrinkPhoto('p', big.tools)).toBe('p@0:750x1000q35')
    const none = fakeTools({ p: phone }, [() => null, () => null])
    expect(await shrinkPhoto('p', none.tools)).toBe('p')
    const unreadable = fakeTools({}, [(size) => ({ size, bytes: 1 })])
    expect(await shrinkPhoto('x', unreadable.tools)).toBe('x')
  })

  test('a wide photo is fitted by its width, a tall narrow one by its height', async () => {
    const wide = fakeTools({ w: { size: { width: 4032, height: 3024 }, bytes: 3_000_000 } }, [
      (size) => ({ size, bytes: 1 }),
    ])
    expect(await shrinkPhoto('w', wide.tools)).toBe('w@0:750x562q80')
    const tall = fakeTools({ t: { size: { width: 1080, height: 4000 }, bytes: 900_000 } }, [
      (size) => ({ size, bytes: 1 }),
    ])
    expect(await shrinkPhoto('t', tall.tools)).toBe('t@0:360x1334q80')
  })
})

describe('imageLimits', () => {
  test('fitWithin keeps the aspect ratio, never enlarges, stays within 750 × 1334', () => {
    expect(fitWithin({ width: 3024, height: 4032 })).toEqual({ width: 750, height: 1000 })
    expect(fitWithin({ width: 500, height: 500 })).toEqual({ width: 500, height: 500 })
    expect(fitWithin({ width: 10_000, height: 1 })).toEqual({ width: 750, height: 1 })
  })
  test('withinSyncCheck: 1 MB and 750 × 1334 inclusive', () => {
    expect(withinSyncCheck(1024 * 1024, { width: 750, height: 1334 })).toBe(true)
    expect(withinSyncCheck(1024 * 1024 + 1, { width: 10, height: 10 })).toBe(false)
    expect(withinSyncCheck(1000, { width: 751, height: 10 })).toBe(false)
    expect(withinSyncCheck(1000, null)).toBe(true)
  })
  test('imageDimensions reads JPEG (past other segments) and PNG headers; null for what is not an image', () => {
    expect(imageDimensions(cameraJpeg(3024, 4032, 200_000))).toEqual({ width: 3024, height: 4032 })
    expect(imageDimensions(solidPng(24, 16, [1, 2, 3]))).toEqual({ width: 24, height: 16 })
    expect(imageDimensions(Buffer.from('这不是图片'))).toBeNull()
  })
})
