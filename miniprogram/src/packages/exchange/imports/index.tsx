/** 导入记录: past imports (newest first) with state and counts; pull to refresh, more on reaching the bottom. */
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ListFooter } from '../../../components/ListFooter'
import { Tag } from '../../../components/Tag'
import { formatDateTime } from '../../../utils/format'
import { useImportsList } from '../../../stores/exchange.store'
import { usePagedList } from '@/hooks/usePagedList'
import '../exchange.scss'

const STATE_TEXT = { queued: '排队中', running: '导入中', done: '已完成', failed: '导入失败' } as const

export default function ImportsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useImportsList, {
    refreshOnShow: true,
  })
  return (
    <PageShell>
      <View className='zj-ex' data-testid='exchange-imports'>
        <PageState
          status={status}
          error={error}
          empty={items.length === 0}
          emptyText='还没有导入记录'
          onRetry={() => void refresh()}
        >
          {items.map((j) => (
            <View key={j.jobId} className='zj-ex__block' data-testid='import-item'>
              <View>
                <Text className='zj-ex__title'>
                  {j.kindLabel}
                  {j.dryRun ? '（试运行）' : ''}
                </Text>
                <Tag tone={j.state === 'done' ? 'success' : j.state === 'failed' ? 'danger' : 'primary'}>
                  {STATE_TEXT[j.state]}
                </Tag>
              </View>
              <Text className='zj-ex__row zj-ex__hint'>
                {formatDateTime(j.createdAt)} · {j.format.toUpperCase()}
              </Text>
              <Text className='zj-ex__row'>
                读取 {j.total} · 新增 {j.imported} · 更新 {j.updated} · 未变 {j.unchanged} · 拒绝 {j.rejected}
              </Text>
            </View>
          ))}
          <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
        </PageState>
      </View>
    </PageShell>
  )
}
