/**
 * The first-run welcome (after the privacy guide and the silent sign-in): real-name binding, then three
 * questions (what work, where, since when looking). Every step can be skipped; skipping or finishing is saved
 * on the server (`welcomeDone`), so it is not asked again, on this phone or another.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { chinaDate } from '@shared/user/profile'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { useUserStore } from '@/stores/user.store'
import { CityPicker, OccupationPicker } from '../components/Pickers'
import '../me.scss'

type Step = 'bind' | 'occupations' | 'cities' | 'since'
const STEPS: Step[] = ['bind', 'occupations', 'cities', 'since']

export default function WelcomePage() {
  const profile = useUserStore((s) => s.profile)
  const load = useUserStore((s) => s.load)
  const update = useUserStore((s) => s.update)
  const saving = useUserStore((s) => s.saving)
  const initial = Taro.getCurrentInstance().router?.params?.step === 'questions' ? 'occupations' : 'bind'
  const [step, setStep] = useState<Step>(initial)
  const [occupations, setOccupations] = useState<string[]>([])
  const [cities, setCities] = useState<string[]>([])
  const [since, setSince] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (profile?.bound && step === 'bind') setStep('occupations')
  }, [profile?.bound, step])

  const home = () => void Taro.switchTab({ url: '/pages/home/index' })
  const finish = async (withAnswers: boolean) => {
    setProblem(null)
    const patch = withAnswers
      ? {
          welcomeDone: true,
          ...(occupations.length ? { desiredOccupations: occupations } : {}),
          ...(cities.length ? { desiredCities: cities } : {}),
          ...(since ? { seekingSince: since } : {}),
        }
      : { welcomeDone: true }
    const err = await update(patch)
    if (err) return setProblem(err.message)
    home()
  }
  const nextOf = (s: Step) => STEPS[STEPS.indexOf(s) + 1]
  const homeDistrict = profile?.person
    ? {
        code: profile.person.residenceRegion,
        name: profile.person.residenceRegionName ?? profile.person.residenceRegion,
      }
    : null

  return (
    <PageShell>
      <View className='zj-me' data-testid='welcome'>
        <Text className='zj-me__steps' aria-live='polite'>
          第{STEPS.indexOf(step) + 1}步，共{STEPS.length}步
        </Text>
        {step === 'bind' && (
          <View className='zj-me__section' data-testid='welcome-bind'>
            <Text className='zj-me__title'>先核对一下您的就业登记信息</Text>
            <Text className='zj-me__hint'>
              实名绑定后，首页会显示您可以享受的政策、为您推荐的岗位和培训补贴。不绑定也可以搜索岗位、自助体检政策和浏览培训课程。
            </Text>
            <View className='zj-me__actions'>
              <ZjButton
                kind='primary'
                block
                ariaLabel='去实名绑定'
                onClick={() => void Taro.redirectTo({ url: '/packages/me/bind/index?from=welcome' })}
              >
                去实名绑定
              </ZjButton>
              <ZjButton block ariaLabel='暂不绑定，继续' onClick={() => setStep('occupations')}>
                暂不绑定，继续
              </ZjButton>
            </View>
          </View>
        )}
        {step === 'occupations' && (
          <View className='zj-me__section' data-testid='welcome-occupations'>
            <Text className='zj-me__title'>您想找什么工作？</Text>
            <OccupationPicker value={occupations} onChange={setOccupations} />
          </View>
        )}
        {step === 'cities' && (
          <View className='zj-me__section' data-testid='welcome-cities'>
            <Text className='zj-me__title'>想在哪里工作？</Text>
            <CityPicker value={cities} onChange={setCities} homeDistrict={homeDistrict} />
          </View>
        )}
        {step === 'since' && (
          <View className='zj-me__section' data-testid='welcome-since'>
            <Text className='zj-me__title'>从什么时候开始找工作？</Text>
            <Picker
              mode='date'
              value={since || chinaDate(Date.now())}
              end={chinaDate(Date.now())}
              onChange={(e) => setSince(String(e.detail.value))}
            >
              <View
                className='zj-me__input'
                role='button'
                aria-label='选择开始找工作的日期'
                data-testid='welcome-since-picker'
              >
                <Text>{since || '点此选择日期'}</Text>
              </View>
            </Picker>
          </View>
        )}
        {problem && (
          <View className='zj-me__error' role='alert'>
            <Text>{problem}</Text>
          </View>
        )}
        {step !== 'bind' && (
          <View className='zj-me__actions'>
            {step === 'since' ? (
              <ZjButton
                kind='primary'
                block
                loading={saving}
                ariaLabel='完成并进入首页'
                onClick={() => void finish(true)}
              >
                完成
              </ZjButton>
            ) : (
              <ZjButton kind='primary' block ariaLabel='下一步' onClick={() => setStep(nextOf(step))}>
                下一步
              </ZjButton>
            )}
          </View>
        )}
        <View className='zj-me__actions'>
          <ZjButton block ariaLabel='跳过，直接进入首页' onClick={() => void finish(step !== 'bind')}>
            跳过，先逛逛
          </ZjButton>
        </View>
      </View>
    </PageShell>
  )
}
