import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { useUiStore } from '@/stores/ui.store'

interface Props {
  className?: string
}

/** The root of every page: design tokens, 长辈版 class and the offline banner. */
export function PageShell({ className, children }: PropsWithChildren<Props>) {
  const largeFont = useUiStore((s) => s.largeFont)
  const online = useUiStore((s) => s.online)
  const cls = ['zj-root', largeFont ? 'zj-elder' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={cls}>
      {!online && (
        <View className='zj-offline' role='alert' aria-live='polite'>
          <Text>⚠ 网络已断开，显示的可能不是最新内容</Text>
        </View>
      )}
      {children}
    </View>
  )
}
