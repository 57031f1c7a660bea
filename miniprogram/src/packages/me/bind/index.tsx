/**
 * 实名绑定: name + ID number, checked on the device with the shared schema and on the server; each refusal has
 * its own Chinese message. Once bound, the register facts are shown masked, each with 「有误？申请更正」.
 * Opened from the welcome (`?from=welcome`) it continues there with the three questions.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { useUserStore } from '@/stores/user.store'
import { RegisterFacts } from '../components/RegisterFacts'
import { bindRefusal, checkBindInput, type Refusal } from './refusal'
import '../me.scss'

export default function BindPage() {
  const status = useUserStore((s) => s.status)
  const error = useUserStore((s) => s.error)
  const profile = useUserStore((s) => s.profile)
  const saving = useUserStore((s) => s.saving)
  const load = useUserStore((s) => s.load)
  const bind = useUserStore((s) => s.bind)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [problems, setProblems] = useState<{ name?: string; idNumber?: string }>({})
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const fromWelcome = Taro.getCurrentInstance().router?.params?.from === 'welcome'

  useEffect(() => {
    void load()
  }, [load])

  const submit = async () => {
    setRefusal(null)
    const found = checkBindInput(name, idNumber)
    setProblems(found)
    if (found.name || found.idNumber) return
    const r = await bind(name.trim(), idNumber.trim())
    // success: the page turns into the register facts (no toast needed)
    if (!r.ok) setRefusal(bindRefusal(r.error))
  }
  const next = () => {
    if (fromWelcome) void Taro.redirectTo({ url: '/packages/me/welcome/index?step=questions' })
    else void Taro.navigateBack()
  }

  return (
    <PageShell>
      <View className='zj-me' data-testid='bind-page'>
        <PageState status={status} error={error} rows={3} onRetry={() => void load(true)}>
          {profile?.bound && profile.person ? (
            <View className='zj-me__section' data-testid='bind-done'>
              <Text className='zj-me__title'>已完成实名绑定</Text>
              <Text className='zj-me__hint'>以下是就业登记中的信息（已脱敏）。如有错误，可申请更正。</Text>
              <RegisterFacts person={profile.person} />
              <View className='zj-me__actions'>
                <ZjButton kind='primary' block ariaLabel={fromWelcome ? '继续填写求职意向' : '返回'} onClick={next}>
                  {fromWelcome ? '继续' : '返回'}
                </ZjButton>
              </View>
            </View>
          ) : (
            <View className='zj-me__section'>
              <Text className='zj-me__title'>核对您的就业登记信息</Text>
              <Text className='zj-me__hint'>
                绑定后可查看为您匹配的政策、推荐岗位和培训补贴。信息仅用于核对身份，传输和保存均加密，显示时脱敏。
              </Text>
              <Text className='zj-me__label'>姓名</Text>
              <Input
                className='zj-me__input'
                value={name}
                maxlength={30}
                placeholder='与身份证一致'
                aria-label='姓名'
                data-testid='bind-name'
                onInput={(e) => setName(e.detail.value)}
              />
              {problems.name && (
                <View className='zj-me__error' role='alert'>
                  <Text>{problems.name}</Text>
                </View>
              )}
              <Text className='zj-me__label'>身份证号</Text>
              <Input
                className='zj-me__input'
                type='idcard'
                value={idNumber}
                maxlength={18}
                placeholder='18位，末位可为X'
                aria-label='身份证号'
                data-testid='bind-id'
                onInput={(e) => setIdNumber(e.detail.value)}
              />
              {problems.idNumber && (
                <View className='zj-me__error' role='alert' data-testid='bind-id-problem'>
                  <Text>{problems.idNumber}</Text>
                </View>
              )}
              {refusal && (
                <View className='zj-me__refusal' role='alert' data-testid='bind-refusal'>
                  <Text className='zj-me__title'>{refusal.title}</Text>
                  <Text>{refusal.text}</Text>
                </View>
              )}
              <View className='zj-me__actions'>
                <ZjButton kind='primary' block loading={saving} ariaLabel='提交实名绑定' onClick={() => void submit()}>
                  绑定
                </ZjButton>
                {fromWelcome && (
                  <ZjButton block ariaLabel='跳过实名绑定' onClick={next}>
                    跳过，先逛逛
                  </ZjButton>
                )}
              </View>
            </View>
          )}
        </PageState>
      </View>
    </PageShell>
  )
}
