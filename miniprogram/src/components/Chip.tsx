import { Text, View } from '@tarojs/components'

export interface ChipProps {
  /** What the chip means (its accessible name; also its text unless `text` is given). */
  label: string
  on: boolean
  onTap: () => void
  testId?: string
  /** 'radio' in a one-of group (role='radiogroup' on the parent), 'checkbox' for independent toggles. */
  role?: 'radio' | 'checkbox'
  /** The visible text when it differs from the label (e.g. '✓ 免费' or '定位中…'). */
  text?: string
  /** Shows ✓ before the text while on, so the state is not told by colour alone. */
  mark?: boolean
}

/** A selectable chip: a real touch target, announced as a radio or checkbox with its state. Lay out in `.zj-chips`. */
export function Chip({ label, on, onTap, testId, role = 'radio', text, mark }: ChipProps) {
  return (
    <View
      className={`zj-chip ${on ? 'zj-chip--on' : ''}`}
      onClick={onTap}
      role={role}
      aria-checked={on}
      aria-label={label}
      data-testid={testId}
    >
      <Text>
        {mark && on ? '✓ ' : ''}
        {text ?? label}
      </Text>
    </View>
  )
}
