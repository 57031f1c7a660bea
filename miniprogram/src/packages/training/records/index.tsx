/** 我的培训记录: the lifelong record of completed training and certificates, to show to an employer. */
import { Text, View } from '@tarojs/components'
import { CERTIFICATE_TYPE_LABELS, TRAINING_LEVEL_LABELS } from '@shared/training/labels'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { formatDate } from '@/utils/format'
import { useMyRecordsStore } from '@/stores/training.store'
import { usePagedList } from '@/hooks/usePagedList'

const label = <T extends Record<string, string>>(m: T, k: string): string => (k in m ? m[k as keyof T] : k)

export default function TrainingRecordsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useMyRecordsStore)

  return (
    <PageShell>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有结业的培训。完成培训后，课程和证书会记录在这里。'
        onRetry={() => void refresh()}
      >
        <View data-testid='training-records'>
          {items.map((r) => (
            <Card key={r.id} title={r.title}>
              <View>
                <Text>
                  {r.occupationName} · {label(TRAINING_LEVEL_LABELS, r.level)}
                </Text>
              </View>
              <View>
                <Text>
                  {label(CERTIFICATE_TYPE_LABELS, r.certificateType)}
                  {r.certificateNo ? `：${r.certificateNo}` : '（证书办理中）'}
                </Text>
              </View>
              <View className='zj-muted'>
                <Text>
                  {r.providerName} · {formatDate(r.completedAt)}结业
                </Text>
              </View>
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
