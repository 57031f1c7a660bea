/**
 * 我的简历: built from 我的资料, the register's education and the training record. The person reviews it,
 * rewrites the summary, the skills and each work-history line (role and duties, with wording suggested per
 * occupation, cited), chooses which parts to show, and shares it: a canvas poster image in the weapp build, a
 * printable page in H5. Only what they changed is kept as their wording (the rest keeps following 我的资料;
 * 恢复 gives a part back to the profile).
 */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Canvas, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import type { ResumeSection } from '@shared/user/views'
import { resumeLines } from '@shared/user/resume'
import { PROFILE_LIMITS as L, type WorkHistoryItem } from '@shared/user/profile'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { useResumeStore } from '@/stores/resume.store'
import { TagInput } from '../components/TagInput'
import '../me.scss'

const SECTION_LABELS: Record<ResumeSection, string> = {
  summary: '自我评价',
  education: '学历',
  skills: '技能',
  certificates: '证书',
  workHistory: '工作经历',
  desired: '求职意向',
}
const SECTIONS = Object.keys(SECTION_LABELS) as ResumeSection[]

function drawPoster(lines: string[]): void {
  const ctx = Taro.createCanvasContext('resume-poster')
  ctx.setFillStyle('#ffffff')
  ctx.fillRect(0, 0, 375, 667)
  ctx.setFillStyle('#1f2329')
  let y = 40
  ctx.setFontSize(20)
  ctx.fillText('个人简历', 24, y)
  ctx.setFontSize(14)
  for (const line of lines) {
    for (let i = 0; i < line.length && y < 640; i += 24) {
      y += 24
      ctx.fillText(line.slice(i, i + 24), 24, y)
    }
  }
  ctx.draw(false, () => {
    void Taro.canvasToTempFilePath({ canvasId: 'resume-poster' }).then((r) =>
      Taro.previewImage({ urls: [r.tempFilePath] }),
    )
  })
}

export default function ResumePage() {
  const { status, error, view, saving, load, save } = useResumeStore()
  const [summary, setSummary] = useState('')
  const [skills, setSkills] = useState<string[]>([])
  const [hidden, setHidden] = useState<ResumeSection[]>([])
  const [jobs, setJobs] = useState<WorkHistoryItem[]>([])
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  useEffect(() => {
    if (!view) return
    setSummary(view.resume.summary)
    setSkills(view.resume.skills)
    setHidden(view.resume.hidden)
    setJobs(view.resume.workHistory)
  }, [view])

  const setJob = (i: number, patch: Partial<WorkHistoryItem>) =>
    setJobs((all) => all.map((j, n) => (n === i ? { ...j, ...patch } : j)))
  /** Adds a suggested duty phrase to a work-history line (once). */
  const addDuty = (i: number, phrase: string) => {
    const now = jobs[i]?.duties ?? ''
    if (now.includes(phrase)) return
    const next = now ? `${now.replace(/[；;。\s]+$/, '')}；${phrase}` : phrase
    setJob(i, { duties: next.slice(0, L.duties) })
  }
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b)
  const submit = async () => {
    if (!view) return
    setNotice(null)
    // only what the person changed is kept as their wording; the rest keeps following 我的资料
    const r0 = view.resume
    const err = await save({
      hidden,
      ...(summary !== r0.summary ? { summary } : {}),
      ...(changed(skills, r0.skills) ? { skills } : {}),
      ...(changed(jobs, r0.workHistory)
        ? { workHistory: jobs.map((j) => ({ ...j, to: j.to || null, duties: j.duties?.trim() || undefined })) }
        : {}),
    })
    setNotice(err ? err.message : '简历已保存，投递时会附上这份简历')
  }
  const followProfile = async (part: 'summary' | 'skills' | 'workHistory') => {
    setNotice(null)
    const err = await save({ [part]: null })
    setNotice(err ? err.message : '已恢复为「我的资料」中的内容')
  }
  const dutyPhrases = view ? view.suggestions.flatMap((p) => p.duties) : []
  const share = () => {
    if (!view) return
    const lines = resumeLines({ ...view.resume, summary, skills, hidden, workHistory: jobs })
    if (process.env.TARO_ENV === 'h5') window.print()
    else drawPoster(lines)
  }
  const r = view?.resume
  return (
    <PageShell>
      <View className='zj-me' data-testid='resume'>
        <PageState status={status} error={error} rows={4} onRetry={() => void load()}>
          {r && (
            <>
              <View className='zj-me__section'>
                <Text className='zj-me__title'>{r.name || '未填写姓名'}</Text>
                <Text className='zj-me__hint'>
                  电话 {r.phone || '未登记'}（对单位脱敏显示，您同意联系后单位才能看到完整号码）
                </Text>
                {r.desired.occupations.length > 0 && (
                  <Text>求职意向：{r.desired.occupations.map((o) => o.name).join('、')}</Text>
                )}
              </View>
              <View className='zj-me__section'>
                <Text className='zj-me__title'>展示哪些内容</Text>
                {SECTIONS.map((s) => (
                  <View
                    key={s}
                    className='zj-me__switch zj-tap-row'
                    onClick={() => setHidden(hidden.includes(s) ? hidden.filter((x) => x !== s) : [...hidden, s])}
                  >
                    <Text>{SECTION_LABELS[s]}</Text>
                    <View onClick={(e) => e.stopPropagation()}>
                      <Switch
                        checked={!hidden.includes(s)}
                        color='#1a5fd0'
                        aria-label={`展示${SECTION_LABELS[s]}`}
                        onChange={(e) => setHidden(e.detail.value ? hidden.filter((x) => x !== s) : [...hidden, s])}
                      />
                    </View>
                  </View>
                ))}
              </View>
              <View className='zj-me__section'>
                <Text className='zj-me__title'>自我评价</Text>
                <Textarea
                  className='zj-me__textarea'
                  value={summary}
                  maxlength={500}
                  aria-label='自我评价'
                  onInput={(e) => setSummary(e.detail.value)}
                />
                <Text className='zj-me__hint'>{summary.length}/500</Text>
                {view.edited.summary && (
                  <View
                    className='zj-me__link'
                    role='button'
                    aria-label='自我评价恢复为我的资料中的自我介绍'
                    onClick={() => void followProfile('summary')}
                  >
                    <Text>恢复为资料中的自我介绍</Text>
                  </View>
                )}
              </View>
              <View className='zj-me__section'>
                <Text className='zj-me__title'>技能</Text>
                <TagInput
                  label='技能'
                  testId='resume-skills'
                  value={skills}
                  onChange={setSkills}
                  max={30}
                  maxLength={30}
                />
                {view.edited.skills && (
                  <View
                    className='zj-me__link'
                    role='button'
                    aria-label='技能恢复为我的资料中的技能'
                    onClick={() => void followProfile('skills')}
                  >
                    <Text>恢复为资料中的技能</Text>
                  </View>
                )}
                {view.suggestions.map((p) => (
                  <View key={p.occupationCode} className='zj-me__item' data-testid={`phrases-${p.occupationCode}`}>
                    <Text className='zj-me__label'>{p.occupationName}的常用写法（点选加入技能）</Text>
                    <View className='zj-me__chips'>
                      {p.skills.map((s) => (
                        <Chip
                          key={s}
                          role='checkbox'
                          label={s}
                          on={skills.includes(s)}
                          onTap={() =>
                            setSkills(skills.includes(s) ? skills.filter((x) => x !== s) : [...skills, s].slice(0, 30))
                          }
                        />
                      ))}
                    </View>
                    <Text className='zj-me__hint'>工作内容参考：{p.duties.join('；')}</Text>
                    <Text className='zj-me__hint'>出处：{p.source}</Text>
                  </View>
                ))}
              </View>
              <View className='zj-me__section'>
                <Text className='zj-me__title'>学历与证书</Text>
                <Text>
                  {r.education.label ?? '未填写学历'}
                  {r.education.graduationYear ? `（${r.education.graduationYear}年毕业）` : ''}
                </Text>
                {r.certificates.length === 0 && <Text className='zj-me__hint'>暂无证书</Text>}
                {r.certificates.map((c) => (
                  <View key={c.name} className='zj-me__item'>
                    <Text>
                      {c.name}
                      {c.source === 'training' ? '（培训记录）' : ''}
                    </Text>
                  </View>
                ))}
              </View>
              <View className='zj-me__section'>
                <Text className='zj-me__title'>工作经历</Text>
                {jobs.length === 0 && <Text className='zj-me__hint'>暂无工作经历，可在「我的资料」中添加</Text>}
                {jobs.map((w, i) => (
                  <View key={i} className='zj-me__item' data-testid={`resume-job-${i}`}>
                    <Text>
                      {w.from}—{w.to ?? '至今'} {w.employer}
                    </Text>
                    <Input
                      className='zj-me__input'
                      value={w.role}
                      maxlength={L.role}
                      placeholder='岗位'
                      aria-label={`第${i + 1}段经历的岗位`}
                      onInput={(e) => setJob(i, { role: e.detail.value })}
                    />
                    <Textarea
                      className='zj-me__textarea'
                      value={w.duties ?? ''}
                      maxlength={L.duties}
                      placeholder='主要工作内容，可点选下面的常用写法'
                      aria-label={`第${i + 1}段经历的工作内容`}
                      onInput={(e) => setJob(i, { duties: e.detail.value })}
                    />
                    {dutyPhrases.length > 0 && (
                      <View className='zj-me__chips' role='group' aria-label={`第${i + 1}段经历的常用写法`}>
                        {dutyPhrases.slice(0, 8).map((d) => (
                          <Chip key={d} label={d} on={(w.duties ?? '').includes(d)} onTap={() => addDuty(i, d)} />
                        ))}
                      </View>
                    )}
                  </View>
                ))}
                {view.edited.workHistory && (
                  <View
                    className='zj-me__link'
                    role='button'
                    aria-label='工作经历恢复为我的资料中的内容'
                    onClick={() => void followProfile('workHistory')}
                  >
                    <Text>恢复为资料中的工作经历</Text>
                  </View>
                )}
                <ZjButton
                  size='small'
                  ariaLabel='去我的资料修改工作经历'
                  onClick={() => void Taro.navigateTo({ url: '/packages/me/index/index' })}
                >
                  修改资料
                </ZjButton>
              </View>
              {notice && (
                <View className='zj-me__hint' role='status' aria-live='polite' data-testid='resume-notice'>
                  <Text>{notice}</Text>
                </View>
              )}
              <View className='zj-me__actions'>
                <ZjButton kind='primary' block loading={saving} ariaLabel='保存简历' onClick={() => void submit()}>
                  保存简历
                </ZjButton>
                <ZjButton block ariaLabel={process.env.TARO_ENV === 'h5' ? '打印简历' : '生成简历图片'} onClick={share}>
                  {process.env.TARO_ENV === 'h5' ? '打印简历' : '生成简历图片'}
                </ZjButton>
              </View>
              {process.env.TARO_ENV !== 'h5' && (
                <Canvas canvasId='resume-poster' style='width:375px;height:667px;position:fixed;left:-1000px;top:0' />
              )}
            </>
          )}
        </PageState>
      </View>
    </PageShell>
  )
}
