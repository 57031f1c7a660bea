import { Text, View } from '@tarojs/components'
import type { Reason } from '@shared/rules/types'

const MARK = { passed: '✓', failed: '✗', missing: '？' } as const
const SAY = { passed: '满足', failed: '不满足', missing: '待补充' } as const

/** Why / why not: one line per condition, nested for 任一/同时 groups. */
export function ReasonList({ reasons, depth = 0 }: { reasons: Reason[]; depth?: number }) {
  return (
    <View>
      {reasons.map((r, i) => (
        <View key={`${r.code}-${i}`}>
          <View className={`zj-po-item ${depth ? 'zj-po-item--child' : ''}`} aria-label={`${SAY[r.state]}：${r.text}`}>
            <Text className={`zj-po-mark zj-po-mark--${r.state}`}>{MARK[r.state]}</Text>
            <Text>{r.text}</Text>
          </View>
          {r.children && r.children.length > 0 && <ReasonList reasons={r.children} depth={depth + 1} />}
        </View>
      ))}
    </View>
  )
}
