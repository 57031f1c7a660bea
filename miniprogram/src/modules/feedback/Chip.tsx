import { Text, View } from '@tarojs/components'

/** A selectable chip: a real touch target, announced as a radio with its state. */
export function Chip({ label, on, onTap, testId }: { label: string; on: boolean; onTap: () => void; testId?: string }) {
  return (
    <View className={`zj-fb-chip ${on ? 'zj-fb-chip--on' : ''}`} onClick={onTap} role='radio' aria-checked={on} aria-label={label} data-testid={testId}>
      <Text>{label}</Text>
    </View>
  )
}
