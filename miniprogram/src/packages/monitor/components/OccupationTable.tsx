/** 分职业供需: the occupation table (sortable by its headers) and the shortage ranking (短缺职业前十). */
import { Text, View } from '@tarojs/components'
import { formatValue } from '@shared/monitor/format'
import { SHORTAGE_MIN_POSTINGS, type OccupationRow } from '@shared/monitor/indicators'
import type { OccupationSort } from '@/services/monitor.service'
import { DataTable } from './Charts'

const SORTS: { key: OccupationSort; label: string }[] = [
  { key: 'ratio', label: '求人倍率' },
  { key: 'postings', label: '需求人数' },
  { key: 'seekers', label: '求职人数' },
  { key: 'code', label: '职业编码' },
]

interface Props {
  items: OccupationRow[]
  shortage: OccupationRow[]
  sort: OccupationSort
  onSort: (s: OccupationSort) => void
}

const cells = (r: OccupationRow) => [
  r.occupationName,
  formatValue(r.postings, '人'),
  formatValue(r.seekers, '人'),
  formatValue(r.ratio, '倍'),
]

export function OccupationTable({ items, shortage, sort, onSort }: Props) {
  return (
    <View data-testid='occupations'>
      <View className='zj-mon-sorts' role='group' aria-label='排序方式'>
        {SORTS.map((s) => (
          <View
            key={s.key}
            className={`zj-mon-chip${sort === s.key ? ' zj-mon-chip--on' : ''}`}
            role='button'
            aria-pressed={sort === s.key}
            aria-label={`按${s.label}排序`}
            onClick={() => onSort(s.key)}
            data-testid={`sort-${s.key}`}
          >
            <Text>{s.label}</Text>
          </View>
        ))}
      </View>
      <DataTable
        caption='分职业岗位需求与求职人数'
        head={['职业', '需求人数', '求职人数', '求人倍率']}
        rows={items.map((r) => ({ key: r.occupationCode, cells: cells(r) }))}
        testId='occupation-table'
      />
      <Text className='zj-mon-subtitle'>短缺职业排行（需求人数不少于{SHORTAGE_MIN_POSTINGS}人）</Text>
      {shortage.length === 0 ? (
        <Text className='zj-mon-hint'>暂无需求人数达到{SHORTAGE_MIN_POSTINGS}人的职业。</Text>
      ) : (
        <DataTable
          caption='短缺职业排行'
          head={['排名', '职业', '需求人数', '求职人数', '求人倍率']}
          rows={shortage.map((r, i) => ({ key: r.occupationCode, cells: [String(i + 1), ...cells(r)] }))}
          testId='shortage-table'
        />
      )}
    </View>
  )
}
