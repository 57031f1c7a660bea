/** Small typed wrappers over Taro storage (works in weapp and H5); never throws. */
import Taro from '@tarojs/taro'

export function readStorage<T>(key: string, fallback: T): T {
  try {
    const v = Taro.getStorageSync(key) as T | '' | undefined
    return v === '' || v === undefined || v === null ? fallback : (v as T)
  } catch {
    return fallback
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable: the setting simply does not persist
  }
}
