/** 隐私保护指引: what is collected, why and for how long; shown at first use, with 同意 recorded per version. */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { usePrivacyStore } from '@/stores/privacy.store'
import { needsWelcome, useUserStore } from '@/stores/user.store'
import './privacy.scss'

export default function PrivacyGuidePage() {
  const { guide, status, loading, error, loadGuide, loadStatus, consent } = usePrivacyStore()
  useEffect(() => {
    void loadGuide()
    void loadStatus()
  }, [loadGuide, loadStatus])

  // first run: privacy guide → (silent sign-in, already done by the home page) → the skippable welcome
  const agree = async () => {
    if (!(await consent())) return
    void Taro.showToast({ title: '已同意', icon: 'success' })
    await useUserStore.getState().load()
    if (needsWelcome(useUserStore.getState().profile)) void Taro.redirectTo({ url: '/packages/me/welcome/index' })
  }

  return (
    <PageShell>
      <PageState
        status={guide ? 'ready' : loading ? 'loading' : error ? 'error' : 'loading'}
        error={error}
        onRetry={() => void loadGuide()}
      >
        {guide && (
          <View className='zj-pv' data-testid='privacy-guide'>
            <Text className='zj-pv__intro'>{guide.intro}</Text>
            {guide.sections.map((s) => (
              <View key={s.title} className='zj-pv__section'>
                <Text className='zj-pv__title'>{s.title}</Text>
                {s.items.map((it) => (
                  <View key={it.what} className='zj-pv__item'>
                    <View>
                      <Text className='zj-pv__what'>{it.what}</Text>
                      {it.sensitive && <Tag tone='warning'>敏感信息</Tag>}
                    </View>
                    <View>
                      <Text>用途：{it.why}</Text>
                    </View>
                    <View>
                      <Text className='zj-muted'>保存期限：{it.keep}</Text>
                    </View>
                  </View>
                ))}
              </View>
            ))}
            <View className='zj-pv__section'>
              <Text className='zj-pv__title'>你的权利</Text>
              {guide.rights.map((r) => (
                <View key={r}>
                  <Text>· {r}</Text>
                </View>
              ))}
              <View>
                <Text className='zj-muted'>{guide.contact}</Text>
              </View>
              <View>
                <Text className='zj-muted'>版本：{guide.version}</Text>
              </View>
            </View>
            <View className='zj-pv__actions'>
              {status && !status.needsConsent ? (
                <Tag tone='success'>你已同意本版本</Tag>
              ) : (
                <ZjButton kind='primary' block ariaLabel='我已阅读并同意隐私保护指引' onClick={() => void agree()}>
                  我已阅读并同意
                </ZjButton>
              )}
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
