import Taro from '@tarojs/taro'

/** Photos chosen on the phone (or in the browser's file picker in H5), at most `max`; none when the user cancels. */
export async function choosePhotos(max: number): Promise<string[]> {
  try {
    const r = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return r.tempFilePaths.slice(0, max)
  } catch {
    return []
  }
}
