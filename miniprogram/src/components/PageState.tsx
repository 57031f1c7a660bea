import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import type { ErrorBody } from '@shared/errors'
import { ZjButton } from './ZjButton'

export type PageStatus = 'idle' | 'loading' | 'ready' | 'error'

interface Props {
  status: PageStatus
  error?: ErrorBody | null
  /** Shown when ready and `empty` is true. */
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
  /** Number of skeleton rows while loading. */
  rows?: number
}

/** Loading skeleton / error with 重试 / empty state / content, in one place for every page and section. */
export function PageState({ status, error, empty, emptyText, onRetry, rows = 3, children }: PropsWithChildren<Props>) {
  if (status === 'idle' || status === 'loading') {
    return (
      <View className='zj-skeleton' aria-busy='true' aria-label='加载中'>
        {Array.from({ length: rows }, (_, i) => (
          <View key={i} className='zj-skeleton__row' />
        ))}
      </View>
    )
  }
  if (status === 'error') {
    return (
      <View className='zj-state zj-state--error' role='alert'>
        <Text className='zj-state__text'>{error?.message ?? '加载失败'}</Text>
        {onRetry && (
          <ZjButton size='small' ariaLabel='重试加载' onClick={onRetry}>
            重试
          </ZjButton>
        )}
      </View>
    )
  }
  if (empty) {
    return (
      <View className='zj-state zj-state--empty'>
        <Text className='zj-state__text'>{emptyText ?? '暂无内容'}</Text>
      </View>
    )
  }
  return <>{children}</>
}
