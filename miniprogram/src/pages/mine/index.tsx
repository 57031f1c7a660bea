import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import type { Role } from '@shared/actions/define'
import { PageShell } from '@/components/PageShell'
import { Tag } from '@/components/Tag'
import { DemoIdentitySwitcher } from '@/components/DemoIdentitySwitcher'
import { ROLE_LABELS, displayName, useUserStore } from '@/stores/user.store'
import { useUiStore } from '@/stores/ui.store'
import { BindInvite } from '@/modules/user/BindInvite'
import './index.scss'

interface Entry {
  text: string
  url: string
  /** Shown only to callers holding one of these roles (everyone when absent). */
  roles?: Role[]
}

export const MINE_ENTRIES: Entry[] = [
  { text: '我的资料', url: '/packages/me/index/index' },
  { text: '我的简历', url: '/packages/me/resume/index' },
  { text: '我的投递', url: '/packages/job/applications/index' },
  { text: '我的培训', url: '/packages/training/index/index' },
  { text: '我的反馈', url: '/packages/feedback/index/index' },
  { text: '我的办事', url: '/packages/application/index/index' },
  { text: '消息与订阅', url: '/packages/notify/index/index' },
  { text: '隐私与我的数据', url: '/packages/me/data/index' },
  { text: '网格走访', url: '/packages/outreach/index/index', roles: ['grid'] },
  { text: '工作台', url: '/packages/staff/index/index', roles: ['handler', 'admin'] },
]

export default function MinePage() {
  const profile = useUserStore((s) => s.profile)
  const roles = useUserStore((s) => s.roles)
  const load = useUserStore((s) => s.load)
  const largeFont = useUiStore((s) => s.largeFont)
  // saved on the server too, so 长辈版 follows the person to another phone
  const setLargeFont = useUserStore((s) => s.setLargeFont)

  useEffect(() => {
    void load()
  }, [load])

  const name = displayName(profile)
  const entries = MINE_ENTRIES.filter((e) => !e.roles || e.roles.some((r) => roles.includes(r)))
  return (
    <PageShell className='mine'>
      <View className='mine__head'>
        <Text className='mine__name'>{name || '你好'}</Text>
        <View>
          {roles.map((r) => (
            <Tag key={r} tone='primary'>
              {ROLE_LABELS[r]}
            </Tag>
          ))}
        </View>
      </View>

      <View
        className='zj-link-row zj-tap-row'
        data-testid='large-font-row'
        onClick={() => void setLargeFont(!largeFont)}
      >
        <Text>长辈版（大字体）</Text>
        {/* the whole row toggles (the label too); the switch itself only shows the state */}
        <View onClick={(e) => e.stopPropagation()}>
          <Switch
            checked={largeFont}
            color='#1a5fd0'
            aria-label='长辈版大字体开关'
            onChange={(e) => void setLargeFont(!!e.detail.value)}
          />
        </View>
      </View>

      {profile && !profile.bound && (
        <BindInvite
          testId='mine-bind-invite'
          text='尚未实名绑定。绑定后可查看为您匹配的政策、培训补贴，投递时附上登记的学历。'
        />
      )}
      <View className='mine__entries' role='list'>
        {entries.map((e) => (
          <View
            key={e.url}
            className='zj-link-row'
            role='link'
            aria-label={e.text}
            data-url={e.url}
            hoverClass='zj-card--hover'
            onClick={() => void Taro.navigateTo({ url: e.url })}
          >
            <Text>{e.text}</Text>
            <Text className='zj-link-row__arrow'>›</Text>
          </View>
        ))}
      </View>
      <DemoIdentitySwitcher />
    </PageShell>
  )
}
