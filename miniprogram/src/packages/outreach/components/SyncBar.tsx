/** The queue's state in one line: 待同步 / 同步失败 / 已同步, with 立即同步 and a link to the details. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ZjButton } from '@/components/ZjButton'
import { useOutreachStore } from '@/stores/outreach.store'

export function SyncBar() {
  const summary = useOutreachStore((s) => s.summary)
  const syncing = useOutreachStore((s) => s.syncing)
  const lastSync = useOutreachStore((s) => s.lastSync)
  const sync = useOutreachStore((s) => s.sync)
  if (summary.total === 0) return null
  return (
    <View className='zj-sync-bar' data-testid='outreach-sync' aria-live='polite'>
      <View
        className='zj-sync-bar__counts'
        onClick={() => void Taro.navigateTo({ url: '/packages/outreach/sync/index' })}
        role='link'
        aria-label='查看同步详情'
      >
        <Text data-testid='sync-pending'>待同步 {summary.pending}</Text>
        <Text data-testid='sync-failed'>失败 {summary.failed}</Text>
        <Text data-testid='sync-synced'>已同步 {summary.synced}</Text>
        {syncing ? (
          <Text>同步中…</Text>
        ) : lastSync?.stoppedBy && summary.pending > 0 ? (
          <Text className='zj-sync-bar__why'>{lastSync.stoppedBy.message}</Text>
        ) : null}
      </View>
      {summary.pending > 0 && (
        <ZjButton size='small' ariaLabel='立即同步走访记录' loading={syncing} onClick={() => void sync()}>
          立即同步
        </ZjButton>
      )}
    </View>
  )
}
