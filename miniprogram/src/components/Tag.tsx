import type { PropsWithChildren } from 'react'
import { Text } from '@tarojs/components'

export type TagTone = 'default' | 'primary' | 'success' | 'warning' | 'danger'

/** A small label. Tone is never the only cue: the text always says what it means. */
export function Tag({ tone = 'default', children }: PropsWithChildren<{ tone?: TagTone }>) {
  return <Text className={`zj-tag zj-tag--${tone}`}>{children}</Text>
}
