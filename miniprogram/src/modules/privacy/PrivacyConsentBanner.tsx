/**
 * The first-use privacy notice on the home page: when the signed-in person has not yet agreed to the current
 * 隐私保护指引, a banner asks them to read it. It never blocks browsing; 稍后 hides it until the next launch.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ZjButton } from '@/components/ZjButton'
import { usePrivacyStore } from '@/stores/privacy.store'
import './privacyBanner.scss'

let dismissedThisLaunch = false

export function PrivacyConsentBanner({ signedIn }: { signedIn: boolean }) {
  const needsConsent = usePrivacyStore((s) => s.status?.needsConsent === true)
  const loadStatus = usePrivacyStore((s) => s.loadStatus)
  const [dismissed, setDismissed] = useState(dismissedThisLaunch)

  useEffect(() => {
    if (signedIn) void loadStatus()
  }, [signedIn, loadStatus])

  if (!signedIn || !needsConsent || dismissed) return null
  return (
    <View
      className='zj-privacy-banner'
      role='region'
      aria-label='隐私保护指引提示'
      data-testid='privacy-consent-banner'
    >
      <Text className='zj-privacy-banner__title'>请阅读并同意《隐私保护指引》</Text>
      <Text className='zj-privacy-banner__text'>
        了解我们收集哪些信息、为什么收集、保存多久，以及你可以如何查看、更正和删除自己的数据。
      </Text>
      <View className='zj-privacy-banner__actions'>
        <ZjButton
          kind='primary'
          size='small'
          ariaLabel='阅读隐私保护指引'
          onClick={() => void Taro.navigateTo({ url: '/packages/me/privacy/index' })}
        >
          阅读并同意
        </ZjButton>
        <ZjButton
          size='small'
          ariaLabel='稍后再看隐私保护指引'
          onClick={() => {
            dismissedThisLaunch = true
            setDismissed(true)
          }}
        >
          稍后
        </ZjButton>
      </View>
    </View>
  )
}
