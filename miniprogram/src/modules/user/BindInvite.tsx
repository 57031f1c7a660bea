/**
 * What a personalised part of the app shows to someone who has not bound their record: what binding gives and
 * the way to do it (the welcome when they have not been through it, else 实名绑定), instead of an empty list.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ZjButton } from '@/components/ZjButton'
import { needsWelcome, useUserStore } from '@/stores/user.store'

export function BindInvite({ text, testId }: { text: string; testId?: string }) {
  const profile = useUserStore((s) => s.profile)
  const open = () =>
    void Taro.navigateTo({ url: needsWelcome(profile) ? '/packages/me/welcome/index' : '/packages/me/bind/index' })
  return (
    <View data-testid={testId ?? 'bind-invite'}>
      <Card>
        <View>
          <Text>{text}</Text>
        </View>
        <ZjButton kind='primary' size='small' ariaLabel='去实名绑定' onClick={open}>
          去实名绑定
        </ZjButton>
      </Card>
    </View>
  )
}
