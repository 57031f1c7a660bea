/**
 * 我的资料: the register facts (read-only, masked, each with 「有误？申请更正」) and the job-seeking profile the
 * person edits. Saving re-runs the policy matches and recommendations on the server (facts changed), and the
 * home page reloads its sections (user store `version`).
 */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import { userActions, EDUCATION_VALUES } from '@shared/actions/user'
import { EDUCATION_LABELS } from '@shared/domain/person'
import {
  AVAILABILITY_LABELS,
  AVAILABILITY_VALUES,
  chinaDate,
  JOB_TYPE_VALUES,
  PROFILE_JOB_TYPE_LABELS,
  PROFILE_LIMITS as L,
  type JobSeekingProfile,
  type WorkHistoryItem,
} from '@shared/user/profile'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { useUserStore } from '@/stores/user.store'
import { useUiStore } from '@/stores/ui.store'
import { RegisterFacts } from '../components/RegisterFacts'
import { CityPicker, OccupationPicker } from '../components/Pickers'
import { TagInput } from '../components/TagInput'
import '../me.scss'

const EDU_OPTIONS = EDUCATION_VALUES.map((v) => ({ v, label: (EDUCATION_LABELS as Record<string, string>)[v] ?? v }))
const emptyJob = (): WorkHistoryItem => ({ employer: '', role: '', from: '', to: null, duties: '' })
const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s))

export default function MyProfilePage() {
  const status = useUserStore((s) => s.status)
  const error = useUserStore((s) => s.error)
  const view = useUserStore((s) => s.profile)
  const load = useUserStore((s) => s.load)
  const update = useUserStore((s) => s.update)
  const saving = useUserStore((s) => s.saving)
  const largeFont = useUiStore((s) => s.largeFont)
  const setLargeFont = useUserStore((s) => s.setLargeFont)
  const [form, setForm] = useState<JobSeekingProfile>({})
  const [salaryMin, setSalaryMin] = useState('')
  const [salaryMax, setSalaryMax] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => void load(true).finally(() => Taro.stopPullDownRefresh()))
  useEffect(() => {
    const p = (view?.profile ?? {}) as JobSeekingProfile
    setForm(p)
    setSalaryMin(p.expectedSalaryMin === undefined ? '' : String(p.expectedSalaryMin))
    setSalaryMax(p.expectedSalaryMax === undefined ? '' : String(p.expectedSalaryMax))
  }, [view])

  const set = <K extends keyof JobSeekingProfile>(k: K, v: JobSeekingProfile[K]) => setForm((f) => ({ ...f, [k]: v }))
  const jobs = form.workHistory ?? []
  const setJob = (i: number, patch: Partial<WorkHistoryItem>) =>
    set(
      'workHistory',
      jobs.map((j, n) => (n === i ? { ...j, ...patch } : j)),
    )

  const save = async () => {
    setProblem(null)
    setNotice(null)
    const { largeFont: _lf, welcomeDone: _wd, ...rest } = form
    const patch = {
      ...rest,
      expectedSalaryMin: numberOrUndefined(salaryMin),
      expectedSalaryMax: numberOrUndefined(salaryMax),
      workHistory: jobs.map((j) => ({ ...j, to: j.to || null, duties: j.duties || undefined })),
    }
    const checked = userActions.actions.updateProfile.input.safeParse(patch)
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? '资料有误，请检查')
    const err = await update(checked.data)
    if (err) return setProblem(err.message)
    setNotice('已保存。政策匹配和岗位推荐已按新资料更新')
  }

  const person = view?.person ?? null
  return (
    <PageShell>
      <View className='zj-me' data-testid='my-profile'>
        <PageState status={status} error={error} rows={4} onRetry={() => void load(true)}>
          <View className='zj-me__section'>
            <Text className='zj-me__title'>登记信息</Text>
            {person ? (
              <RegisterFacts person={person} />
            ) : (
              <View data-testid='profile-unbound'>
                <Text className='zj-me__hint'>尚未实名绑定。绑定后显示您的就业登记信息，并为您匹配政策。</Text>
                <ZjButton
                  kind='primary'
                  ariaLabel='去实名绑定'
                  onClick={() => void Taro.navigateTo({ url: '/packages/me/bind/index' })}
                >
                  去实名绑定
                </ZjButton>
              </View>
            )}
          </View>

          <View className='zj-me__section'>
            <Text className='zj-me__title'>求职意向</Text>
            <Text className='zj-me__label'>意向职业</Text>
            <OccupationPicker value={form.desiredOccupations ?? []} onChange={(v) => set('desiredOccupations', v)} />
            <Text className='zj-me__label'>意向地区</Text>
            <CityPicker
              value={form.desiredCities ?? []}
              onChange={(v) => set('desiredCities', v)}
              homeDistrict={
                person
                  ? { code: person.residenceRegion, name: person.residenceRegionName ?? person.residenceRegion }
                  : null
              }
            />
            <Text className='zj-me__label'>工作类型</Text>
            <View className='zj-me__chips' role='group' aria-label='工作类型'>
              {JOB_TYPE_VALUES.map((t) => {
                const on = (form.jobTypes ?? []).includes(t)
                return (
                  <Chip
                    key={t}
                    role='checkbox'
                    mark
                    label={PROFILE_JOB_TYPE_LABELS[t]}
                    on={on}
                    onTap={() =>
                      set('jobTypes', on ? (form.jobTypes ?? []).filter((x) => x !== t) : [...(form.jobTypes ?? []), t])
                    }
                  />
                )
              })}
            </View>
            <Text className='zj-me__label'>期望月薪（元）</Text>
            <View className='zj-me__row'>
              <Input
                className='zj-me__input'
                type='number'
                value={salaryMin}
                placeholder='最低'
                aria-label='期望月薪下限'
                data-testid='salary-min'
                onInput={(e) => setSalaryMin(e.detail.value)}
              />
              <Text>至</Text>
              <Input
                className='zj-me__input'
                type='number'
                value={salaryMax}
                placeholder='最高'
                aria-label='期望月薪上限'
                onInput={(e) => setSalaryMax(e.detail.value)}
              />
            </View>
            <Text className='zj-me__label'>开始找工作的日期</Text>
            <Picker
              mode='date'
              value={form.seekingSince ?? chinaDate(Date.now())}
              end={chinaDate(Date.now())}
              onChange={(e) => set('seekingSince', String(e.detail.value))}
            >
              <View className='zj-me__input' role='button' aria-label='选择开始找工作的日期'>
                <Text>{form.seekingSince ?? '点此选择'}</Text>
              </View>
            </Picker>
            <Text className='zj-me__label'>到岗时间</Text>
            <View className='zj-me__chips' role='radiogroup' aria-label='到岗时间'>
              {AVAILABILITY_VALUES.map((a) => (
                <Chip
                  key={a}
                  label={AVAILABILITY_LABELS[a]}
                  on={form.availability === a}
                  onTap={() => set('availability', a)}
                />
              ))}
            </View>
          </View>

          <View className='zj-me__section'>
            <Text className='zj-me__title'>学历与技能</Text>
            <Text className='zj-me__label'>学历</Text>
            <View className='zj-me__chips' role='radiogroup' aria-label='学历'>
              {EDU_OPTIONS.map((o) => (
                <Chip key={o.v} label={o.label} on={form.education === o.v} onTap={() => set('education', o.v)} />
              ))}
            </View>
            <Text className='zj-me__label'>技能</Text>
            <TagInput
              label='技能'
              testId='skills'
              value={form.skills ?? []}
              onChange={(v) => set('skills', v)}
              max={L.skills}
              maxLength={L.skill}
            />
            <Text className='zj-me__label'>证书</Text>
            {(view?.trainingCertificates ?? []).map((c) => (
              <View key={`${c.title}${c.completedAt}`} className='zj-me__item'>
                <Text>
                  {c.occupationName} {c.level} {c.certificateType}（培训记录）
                </Text>
              </View>
            ))}
            <TagInput
              label='证书'
              testId='certificates'
              value={form.certificates ?? []}
              onChange={(v) => set('certificates', v)}
              max={L.certificates}
              maxLength={L.certificate}
            />
          </View>

          <View className='zj-me__section'>
            <Text className='zj-me__title'>工作经历</Text>
            {jobs.length === 0 && <Text className='zj-me__hint'>暂无工作经历</Text>}
            {jobs.map((j, i) => (
              <View key={i} className='zj-me__item' data-testid={`job-${i}`}>
                <Input
                  className='zj-me__input'
                  value={j.employer}
                  maxlength={L.employer}
                  placeholder='单位名称'
                  aria-label={`第${i + 1}段经历的单位`}
                  onInput={(e) => setJob(i, { employer: e.detail.value })}
                />
                <Input
                  className='zj-me__input'
                  value={j.role}
                  maxlength={L.role}
                  placeholder='岗位'
                  aria-label={`第${i + 1}段经历的岗位`}
                  onInput={(e) => setJob(i, { role: e.detail.value })}
                />
                <View className='zj-me__row'>
                  <Picker
                    mode='date'
                    fields='month'
                    value={j.from || '2020-01'}
                    onChange={(e) => setJob(i, { from: String(e.detail.value).slice(0, 7) })}
                  >
                    <View className='zj-me__input' role='button' aria-label='开始年月'>
                      <Text>{j.from || '开始年月'}</Text>
                    </View>
                  </Picker>
                  <Text>至</Text>
                  <Picker
                    mode='date'
                    fields='month'
                    value={j.to || chinaDate(Date.now()).slice(0, 7)}
                    onChange={(e) => setJob(i, { to: String(e.detail.value).slice(0, 7) })}
                  >
                    <View className='zj-me__input' role='button' aria-label='结束年月'>
                      <Text>{j.to || '至今'}</Text>
                    </View>
                  </Picker>
                </View>
                <Textarea
                  className='zj-me__textarea'
                  value={j.duties ?? ''}
                  maxlength={L.duties}
                  placeholder='主要工作内容（选填）'
                  aria-label={`第${i + 1}段经历的工作内容`}
                  onInput={(e) => setJob(i, { duties: e.detail.value })}
                />
                <ZjButton
                  size='small'
                  kind='danger'
                  ariaLabel={`删除第${i + 1}段经历`}
                  onClick={() =>
                    set(
                      'workHistory',
                      jobs.filter((_j, n) => n !== i),
                    )
                  }
                >
                  删除这段经历
                </ZjButton>
              </View>
            ))}
            {jobs.length < L.workHistory && (
              <ZjButton size='small' ariaLabel='添加工作经历' onClick={() => set('workHistory', [...jobs, emptyJob()])}>
                添加工作经历
              </ZjButton>
            )}
          </View>

          <View className='zj-me__section'>
            <Text className='zj-me__title'>自我介绍</Text>
            <Textarea
              className='zj-me__textarea'
              value={form.intro ?? ''}
              maxlength={L.intro}
              placeholder={`简单介绍自己（${L.intro}字以内）`}
              aria-label='自我介绍'
              data-testid='intro'
              onInput={(e) => set('intro', e.detail.value)}
            />
            <Text className='zj-me__hint'>
              {(form.intro ?? '').length}/{L.intro}
            </Text>
          </View>

          <View className='zj-me__section'>
            <View className='zj-me__switch zj-tap-row' onClick={() => void setLargeFont(!largeFont)}>
              <Text>长辈版（大字体，换手机也保留）</Text>
              <View onClick={(e) => e.stopPropagation()}>
                <Switch
                  checked={largeFont}
                  color='#1a5fd0'
                  aria-label='长辈版大字体开关'
                  onChange={(e) => void setLargeFont(!!e.detail.value)}
                />
              </View>
            </View>
          </View>

          {notice && (
            <View className='zj-me__hint' role='status' aria-live='polite' data-testid='profile-saved'>
              <Text>{notice}</Text>
            </View>
          )}
          {problem && (
            <View className='zj-me__error' role='alert' data-testid='profile-problem'>
              <Text>{problem}</Text>
            </View>
          )}
          <View className='zj-me__actions'>
            <ZjButton kind='primary' block loading={saving} ariaLabel='保存我的资料' onClick={() => void save()}>
              保存
            </ZjButton>
            <ZjButton
              block
              ariaLabel='查看我的简历'
              onClick={() => void Taro.navigateTo({ url: '/packages/me/resume/index' })}
            >
              我的简历
            </ZjButton>
          </View>
        </PageState>
      </View>
    </PageShell>
  )
}
