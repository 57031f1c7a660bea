import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

interface Props {
  title?: ReactNode
  extra?: ReactNode
  onClick?: () => void
  /** Screen-reader label when the card is tappable. */
  ariaLabel?: string
  className?: string
}

export function Card({ title, extra, onClick, ariaLabel, className, children }: PropsWithChildren<Props>) {
  const tappable = !!onClick
  return (
    <View
      className={['zj-card', tappable ? 'zj-card--tappable' : '', className ?? ''].filter(Boolean).join(' ')}
      hoverClass={tappable ? 'zj-card--hover' : 'none'}
      onClick={onClick}
      role={tappable ? 'button' : undefined}
      aria-label={ariaLabel}
      ariaLabel={ariaLabel}
    >
      {(title || extra) && (
        <View className='zj-card__head'>
          {title && <Text className='zj-card__title'>{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  )
}
