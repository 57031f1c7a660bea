import type { PropsWithChildren } from 'react'
import { Button } from '@tarojs/components'

interface Props {
  onClick?: () => void
  /** Required: what the button does, for screen readers. */
  ariaLabel: string
  kind?: 'primary' | 'default' | 'danger'
  size?: 'normal' | 'small'
  disabled?: boolean
  loading?: boolean
  block?: boolean
}

/** The app's button: a real touch target (≥ 44 CSS px, ≥ 48 in 长辈版) with an aria label. */
export function ZjButton({
  onClick,
  ariaLabel,
  kind = 'default',
  size = 'normal',
  disabled,
  loading,
  block,
  children,
}: PropsWithChildren<Props>) {
  const cls = ['zj-btn', `zj-btn--${kind}`, `zj-btn--${size}`, block ? 'zj-btn--block' : ''].filter(Boolean).join(' ')
  return (
    <Button
      className={cls}
      disabled={disabled || loading || undefined}
      loading={loading}
      onClick={onClick}
      aria-label={ariaLabel}
      ariaLabel={ariaLabel}
      hoverClass='zj-btn--hover'
    >
      {children}
    </Button>
  )
}
