import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Tag } from '@/components/Tag'
import { DemoIdentitySwitcher } from '@/components/DemoIdentitySwitcher'
import { ROLE_LABELS, displayName, needsWelcome, useUserStore } from '@/stores/user.store'
import { ZjButton } from '@/components/ZjButton'
import { freshNewUserOpenid, setDemoOpenid } from '@/services/demoIdentity'
import { chinaHour, greeting } from '@/utils/format'
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
  // grows after a bind or a profile change: the sections reload without a restart
  const version = useUserStore((s) => s.version)
  const [pulls, setPulls] = useState(0)
  const refreshKey = pulls + version
  const signedOut = status === 'error' && error?.code === 'UNAUTHENTICATED'
  const signIn = () => {
    // H5 demo: a brand-new user; in the mini-program the silent login is simply tried again
    if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && DEMO_IDENTITIES) {
      setDemoOpenid(freshNewUserOpenid())
      window.location.reload()
    } else void load(true)
  }

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    setPulls((k) => k + 1)
    void load(true).finally(() => Taro.stopPullDownRefresh())
  })

  const name = displayName(profile)
  return (
    <PageShell className='home'>
      <View className='home__hero' data-testid='home-greeting'>
        <Text className='home__hello'>
          {greeting(chinaHour())}
          {name ? `，${name}` : ''}
        </Text>
        <Text className='home__sub'>找工作、查政策、报培训、提建议，都在这里</Text>
        {signedOut ? (
          <View data-testid='home-signed-out'>
            <Text className='home__region'>
              登录后可查看为你匹配的政策、推荐岗位和我的报名。未登录也可以搜索岗位、自助体检政策和浏览培训课程。
            </Text>
            <View className='home__signin'>
              <ZjButton size='small' ariaLabel='登录' onClick={signIn}>
                登录
              </ZjButton>
            </View>
          </View>
        ) : (
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
              <View
                className='home__invite'
                role='link'
                aria-label='去实名绑定'
                data-testid='home-bind-invite'
                onClick={() =>
                  void Taro.navigateTo({
                    url: needsWelcome(profile) ? '/packages/me/welcome/index' : '/packages/me/bind/index',
                  })
                }
              >
                <Text className='home__region'>完成实名绑定后，可为你推荐符合条件的政策 ›</Text>
              </View>
            )}
          </PageState>
        )}
      </View>
      <PrivacyConsentBanner signedIn={status === 'ready' && !!profile} />
      <AskEntry />
      <View
        className='home__services'
        role='link'
        onClick={() => void Taro.navigateTo({ url: '/packages/application/index/index' })}
        aria-label='网上办事：失业登记、就业登记、补贴申领'
        data-testid='home-applications'
      >
        网上办事：失业登记、就业登记、补贴申领 ›
      </View>
      {signedOut ? (
        <View className='home__open' data-testid='home-open-services'>
          <ZjButton block ariaLabel='找工作' onClick={() => void Taro.switchTab({ url: '/pages/jobs/index' })}>
            找工作
          </ZjButton>
          <ZjButton
            block
            ariaLabel='政策体检'
            onClick={() => void Taro.navigateTo({ url: '/packages/policy/check/index' })}
          >
            政策体检
          </ZjButton>
          <ZjButton
            block
            ariaLabel='培训课程'
            onClick={() => void Taro.navigateTo({ url: '/packages/training/index/index' })}
          >
            培训课程
          </ZjButton>
        </View>
      ) : (
        <>
          {roles.includes('grid') && <OutreachHomeSection refreshKey={refreshKey} />}
          <PolicyHomeSection refreshKey={refreshKey} bound={profile ? profile.bound : undefined} />
          <JobHomeSection refreshKey={refreshKey} />
          <TrainingHomeSection refreshKey={refreshKey} />
          <FeedbackHomeSection refreshKey={refreshKey} />
        </>
      )}
      <DemoIdentitySwitcher compact />
    </PageShell>
  )
}
