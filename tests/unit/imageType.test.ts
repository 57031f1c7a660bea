/**
 * The image-type sniffing (shared/media/imageType.ts) over the sample files of tests/helpers/sampleImages.ts: every
 * accepted format is told by its signature, HEIC is told (to be refused), and a file cut short or a non-image
 * named like a photo is no image. The same files are what `npm run bench:image-type` compares with `file-type`.
 */
import { imageTypeOf, uploadImageTypeOf } from '../../shared/media/imageType'
import { sampleImages } from '../helpers/sampleImages'

const samples = sampleImages()

describe('imageTypeOf', () => {
  it.each(samples.map((s) => [s.name, s.expected, s.bytes] as const))('%s is %s', (_name, expected, bytes) => {
    expect(imageTypeOf(bytes)).toBe(expected)
  })
})

describe('uploadImageTypeOf', () => {
  it('given the samples, then only JPEG, PNG and WebP may be uploaded', () => {
    const accepted = samples.filter((s) => uploadImageTypeOf(s.bytes) !== null).map((s) => s.expected)
    expect(new Set(accepted)).toEqual(new Set(['image/jpeg', 'image/png', 'image/webp']))
  })

  it('given a GIF or a HEIC, then it is refused', () => {
    const refused = samples.filter((s) => s.expected === 'image/gif' || s.expected === 'image/heic')
    expect(refused.map((s) => uploadImageTypeOf(s.bytes))).toEqual(refused.map(() => null))
  })
})
