/** 消息订阅: what the person agreed to receive, per template, and a button per group to ask for more. */
import { useEffect } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CONSENT_GROUPS, type ConsentGroup } from '@shared/notify/templates'
import '@/packages/notify/notify.scss'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { useConsentStore } from '@/stores/notify.store'
import type { ConsentItem } from '@/services/notify.service'

const GROUP_TITLES: Record<ConsentGroup, { title: string; hint: string }> = {
  policy: { title: '政策提醒', hint: '有适合你的就业创业政策、网格员上门服务时通知你' },
  job: { title: '求职进度', hint: '投递的岗位有查看、面试、录用等进展时通知你' },
  training: { title: '培训提醒', hint: '开课前一天提醒你，候补成功时通知你' },
  feedback: { title: '诉求进度', hint: '你的咨询、投诉有受理、答复、办结时通知你' },
}

function balanceText(c: ConsentItem): string {
  if (c.kind === 'longTerm') return c.longTermOn ? '已开启' : '未开启'
  return c.remaining > 0 ? `还可接收 ${c.remaining} 条` : '未开启'
}

export default function SubscribePage() {
  const { items, status, error, busyGroup, notice, load, ask } = useConsentStore()
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (notice) void Taro.showToast({ title: notice, icon: 'none' }).catch(() => undefined)
  }, [notice])
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell>
      <View className='zj-section zj-muted zj-nt-intro'>
        <Text>微信规定：每同意一次，我们只能给你发一条对应的提醒。没有开启提醒时，消息仍会保存在「消息中心」。</Text>
      </View>
      <PageState status={status} error={error} onRetry={() => void load()}>
        <View data-testid='consent-groups'>
          {CONSENT_GROUPS.map((g) => {
            const list = items.filter((c) => c.group === g)
            const on = list.some((c) => c.remaining > 0)
            return (
              <Card
                key={g}
                title={GROUP_TITLES[g].title}
                extra={<Tag tone={on ? 'success' : 'default'}>{on ? '已开启' : '未开启'}</Tag>}
              >
                <View className='zj-muted'>
                  <Text>{GROUP_TITLES[g].hint}</Text>
                </View>
                {list.map((c) => (
                  <View key={c.templateId} className='zj-notify__row' data-testid={`consent-${c.templateKey}`}>
                    <Text>{c.title}</Text>
                    <Text className='zj-muted'>{balanceText(c)}</Text>
                  </View>
                ))}
                <ZjButton
                  size='small'
                  kind='primary'
                  loading={busyGroup === g}
                  disabled={!!busyGroup}
                  ariaLabel={`开启${GROUP_TITLES[g].title}`}
                  onClick={() => void ask(g)}
                >
                  {on ? '再接收一条' : '开启提醒'}
                </ZjButton>
              </Card>
            )
          })}
        </View>
      </PageState>
    </PageShell>
  )
}
