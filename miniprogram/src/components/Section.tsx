import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'

interface Props {
  title: string
  /** Page opened by 查看全部 (navigateTo / switchTab chosen by `tab`). */
  moreUrl?: string
  tab?: boolean
  testId?: string
}

/** A titled block on the home page; each module renders its own content inside one. */
export function Section({ title, moreUrl, tab, testId, children }: PropsWithChildren<Props>) {
  const openMore = () => {
    if (!moreUrl) return
    if (tab) void Taro.switchTab({ url: moreUrl })
    else void Taro.navigateTo({ url: moreUrl })
  }
  return (
    <View className='zj-section' id={testId}>
      <View className='zj-section__head'>
        <View className='zj-section__title' role='heading' aria-level={2}>
          <Text>{title}</Text>
        </View>
        {moreUrl && (
          <View className='zj-section__more' onClick={openMore} role='link' aria-label={`查看全部${title}`}>
            <Text>查看全部 ›</Text>
          </View>
        )}
      </View>
      {children}
    </View>
  )
}
