/**
 * The application form: what the register already knows (with its source), only the missing questions, the
 * materials (several photos each, the feedback image pipeline), then 核对信息 with the 承诺书 and 提交 → 受理回执.
 * Opened with `kind` (start or resume the one draft of that kind) or `id` (a draft from 我的办事).
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Checkbox, Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ZjButton } from '../../../components/ZjButton'
import { EligibilityBox } from '../../../modules/application/ApplicationParts'
import { Field } from '../../../modules/application/ApplicationField'
import { fetchApplication } from '../../../services/application.service'
import { useApplicationStore } from '../../../stores/application.store'
import '../../../modules/application/application.scss'

export default function ApplicationFormPage() {
  const params = useRouter().params
  const kind = params.kind ? decodeURIComponent(params.kind) : ''
  const s = useApplicationStore()
  const [step, setStep] = useState<'fill' | 'check'>('fill')
  const [declared, setDeclared] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const run = async () => {
      if (kind) return s.openDraft(kind)
      if (params.id) {
        const r = await fetchApplication(params.id)
        if (r.ok) return s.openDraft(r.data.kind)
        useApplicationStore.setState({ draftStatus: 'error', draftError: r.error })
      }
    }
    void run()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, params.id])

  const d = s.draft
  const toCheck = async () => {
    setError(null)
    const e = await s.save()
    if (e) return setError(e.message)
    setStep('check')
  }
  const submit = async () => {
    setError(null)
    if (!declared) return setError('请先阅读并勾选承诺书')
    const e = await s.submit()
    if (e) return setError(e.message)
    const r = useApplicationStore.getState().receipt
    if (r) void Taro.redirectTo({ url: `/packages/application/detail/index?id=${r.applicationId}&receipt=1` })
  }
  const show = (k: string) => {
    const v = s.answers[k]
    const q = d?.missing.find((m) => m.key === k)
    if (q?.type === 'attachment') return `${(s.attachments[k] ?? []).length}张照片`
    if (Array.isArray(v)) return v.map((x) => q?.options?.find((o) => o.value === x)?.label ?? x).join('、') || '无'
    return (
      q?.options?.find((o) => o.value === String(v))?.label ??
      (v === undefined || v === null || v === '' ? '未填写' : String(v))
    )
  }

  return (
    <PageShell className='zj-app-page'>
      <PageState status={s.draftStatus} error={s.draftError} onRetry={() => kind && void s.openDraft(kind)}>
        {d && (
          <View data-testid='application-form'>
            <View className='zj-app-block'>
              <Text className='zj-app-title'>{d.title}</Text>
              {d.onBehalf && <Text className='zj-app-hint'>网格员代办（已记录居民同意）</Text>}
              <Text className='zj-app-hint'>以下信息已从登记记录中带出，如有误请到窗口更正：</Text>
              {d.prefill.map((p) => (
                <View key={p.key} className='zj-app-line' data-testid='prefill-line'>
                  <Text>{p.label}</Text>
                  <Text>
                    {p.display}
                    <Text className='zj-app-line__source'>来源：{p.sourceLabel}</Text>
                  </Text>
                </View>
              ))}
            </View>
            <EligibilityBox e={d.eligibility} />
            {step === 'fill' ? (
              <View className='zj-app-block'>
                <Text className='zj-app-title'>请补充以下信息和材料</Text>
                {d.missing.map((q) => (
                  <Field key={q.key} q={q} />
                ))}
                {error && (
                  <Text className='zj-app-error' data-testid='application-error'>
                    {error}
                  </Text>
                )}
                <ZjButton
                  ariaLabel='保存并核对信息'
                  kind='primary'
                  block
                  loading={s.busy}
                  onClick={() => void toCheck()}
                >
                  保存并核对信息
                </ZjButton>
              </View>
            ) : (
              <View className='zj-app-block' data-testid='application-check'>
                <Text className='zj-app-title'>核对信息</Text>
                {d.missing.map((q) => (
                  <View key={q.key} className='zj-app-line'>
                    <Text>{q.label}</Text>
                    <Text>{show(q.key)}</Text>
                  </View>
                ))}
                <Text className='zj-app-title'>承诺书</Text>
                <Text className='zj-app-hint'>
                  本人承诺所填写的信息和提交的材料真实、准确、完整，如有虚假，愿承担相应责任，并退回已领取的补贴资金。
                </Text>
                <View className='zj-app-line' onClick={() => setDeclared(!declared)}>
                  <Checkbox value='declared' checked={declared} aria-label='我已阅读并同意承诺书' />
                  <Text>我已阅读并同意以上承诺</Text>
                </View>
                {error && (
                  <Text className='zj-app-error' data-testid='application-error'>
                    {error}
                  </Text>
                )}
                <View className='zj-app-actions'>
                  <ZjButton ariaLabel='返回修改' onClick={() => setStep('fill')}>
                    返回修改
                  </ZjButton>
                  <ZjButton ariaLabel='提交申请' kind='primary' loading={s.busy} onClick={() => void submit()}>
                    提交申请
                  </ZjButton>
                </View>
              </View>
            )}
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
