/** 消息中心: every notification, pushed or not, newest first, with the unread count; 全部已读; 消息订阅. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import '@/packages/notify/notify.scss'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { formatDateTime } from '@/utils/format'
import { markRead, useMessageListStore, useUnreadStore } from '@/stores/notify.store'
import { usePagedList } from '@/hooks/usePagedList'
import type { MessageItem } from '@/services/notify.service'

/** Tab pages (main package, `pages/…`) open with switchTab (no query); others with navigateTo. */
function open(m: MessageItem): void {
  if (!m.read) void markRead([m.id])
  if (!m.page) return
  const go = m.page.startsWith('pages/')
    ? Taro.switchTab({ url: `/${m.page.split('?')[0]}` })
    : Taro.navigateTo({ url: `/${m.page}` })
  void Promise.resolve(go).catch(() => undefined)
}

export default function MessageCentrePage() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useMessageListStore, {
    refreshOnShow: true,
  })
  const unread = useUnreadStore((s) => s.unread)

  return (
    <PageShell>
      <View className='zj-notify__head' data-testid='notify-header'>
        <Text aria-live='polite' data-testid='unread-count'>
          {unread > 0 ? `${unread} 条未读` : '没有未读消息'}
        </Text>
        <View className='zj-notify__row'>
          {unread > 0 && (
            <ZjButton size='small' ariaLabel='全部标为已读' onClick={() => void markRead('all')}>
              全部已读
            </ZjButton>
          )}
          <ZjButton
            size='small'
            ariaLabel='管理消息订阅'
            onClick={() => void Taro.navigateTo({ url: '/packages/notify/subscribe/index' })}
          >
            消息订阅
          </ZjButton>
        </View>
      </View>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='暂时没有消息'
        onRetry={() => void refresh()}
      >
        <View data-testid='messages'>
          {items.map((m) => (
            <Card
              key={m.id}
              title={m.title}
              onClick={() => open(m)}
              ariaLabel={`${m.read ? '' : '未读，'}${m.title}`}
              extra={m.read ? undefined : <Tag tone='primary'>未读</Tag>}
            >
              <View>
                <Text>{m.body}</Text>
              </View>
              <View className='zj-muted'>
                <Text>{formatDateTime(m.createdAt)}</Text>
              </View>
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
