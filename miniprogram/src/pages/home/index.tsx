import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Tag } from '@/components/Tag'
import { DemoIdentitySwitcher } from '@/components/DemoIdentitySwitcher'
import { ROLE_LABELS, displayName, useUserStore } from '@/stores/user.store'
import { greeting } from '@/utils/format'
import { PolicyHomeSection } from '@/modules/policy/PolicyHomeSection'
import { JobHomeSection } from '@/modules/job/JobHomeSection'
import { TrainingHomeSection } from '@/modules/training/TrainingHomeSection'
import { FeedbackHomeSection } from '@/modules/feedback/FeedbackHomeSection'
import { OutreachHomeSection } from '@/modules/outreach/OutreachHomeSection'
import { PrivacyConsentBanner } from '@/modules/privacy/PrivacyConsentBanner'
import { AskEntry } from '@/modules/assistant/AskEntry'
import './index.scss'

export default function HomePage() {
  const status = useUserStore((s) => s.status)
  const error = useUserStore((s) => s.error)
  const profile = useUserStore((s) => s.profile)
  const roles = useUserStore((s) => s.roles)
  const load = useUserStore((s) => s.load)
  const [refreshKey, setRefreshKey] = useState(0)

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    setRefreshKey((k) => k + 1)
    void load(true).finally(() => Taro.stopPullDownRefresh())
  })

  const name = displayName(profile)
  return (
    <PageShell className='home'>
      <View className='home__hero' data-testid='home-greeting'>
        <Text className='home__hello'>
          {greeting(new Date().getHours())}
          {name ? `，${name}` : ''}
        </Text>
        <Text className='home__sub'>找工作、查政策、报培训、提建议，都在这里</Text>
        <PageState status={status} error={error} rows={1} onRetry={() => void load(true)}>
          <View className='home__roles' aria-label='我的身份'>
            {roles.map((r) => (
              <Tag key={r} tone='primary'>
                {ROLE_LABELS[r]}
              </Tag>
            ))}
            {profile?.person?.keyGroups?.map((g) => (
              <Tag key={g.code}>{g.label}</Tag>
            ))}
          </View>
          {profile?.person?.residenceRegionName && (
            <Text className='home__region' data-testid='home-region'>
              所在地：{profile.person.residenceRegionName}
              {profile.person.employmentStatusLabel ? ` · ${profile.person.employmentStatusLabel}` : ''}
            </Text>
          )}
          {profile && !profile.bound && roles.includes('resident') && (
            <Text className='home__region'>完成实名绑定后，可为你推荐符合条件的政策</Text>
          )}
        </PageState>
      </View>
      <PrivacyConsentBanner signedIn={status === 'ready' && !!profile} />
      <AskEntry />
      <View className='home__region' onClick={() => void Taro.navigateTo({ url: '/packages/application/index/index' })} aria-label='网上办事：失业登记、就业登记、补贴申领' data-testid='home-applications'>
        网上办事：失业登记、就业登记、补贴申领 ›
      </View>
      {roles.includes('grid') && <OutreachHomeSection refreshKey={refreshKey} />}
      <PolicyHomeSection refreshKey={refreshKey} />
      <JobHomeSection refreshKey={refreshKey} />
      <TrainingHomeSection refreshKey={refreshKey} />
      <FeedbackHomeSection refreshKey={refreshKey} />
      <DemoIdentitySwitcher compact />
    </PageShell>
  )
}
