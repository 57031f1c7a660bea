/**
 * A posting's applications (staff): move each through 已查看 → 面试 → 录用/不录用; the applicant is notified.
 * The phone stays masked; when the applicant agrees to be contacted, 「查看完整号码」 reveals it (audited, capped),
 * kept on screen only until the page loads again.
 */
import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { APPLICATION_TRANSITIONS, type ApplicationStatus } from '@shared/job/types'
import { resumeLines } from '@shared/user/resume'
import { EDUCATION_LABELS } from '@shared/domain/person'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { useStaffApplicationsStore, type RevealState } from '@/stores/job.store'
import type { StaffApplicationItem } from '@/services/job.service'
import '@/modules/job/job.scss'

const MOVES: { status: Exclude<ApplicationStatus, 'submitted'>; label: string }[] = [
  { status: 'viewed', label: '已查看' },
  { status: 'interview', label: '邀请面试' },
  { status: 'hired', label: '录用' },
  { status: 'rejected', label: '不录用' },
]

/** 电话: masked; 「查看完整号码」 only when the applicant agrees to be contacted (the reveal is audited). */
function ContactLine({
  item,
  reveal,
  onReveal,
  onHide,
  onCall,
}: {
  item: StaffApplicationItem
  reveal: RevealState | undefined
  onReveal: () => void
  onHide: () => void
  onCall: (phone: string) => void
}) {
  const shown = reveal?.state === 'shown' ? reveal : null
  return (
    <View className='zj-job-contact' data-testid='staff-application-contact'>
      <Text>
        电话 <Text className='zj-job-contact__phone'>{shown ? shown.phone : item.resume.phone || '未留'}</Text>
        {shown ? `（${shown.name}）` : ''}
      </Text>
      {!item.contactConsent ? (
        <Text className='zj-muted'>求职者未同意被联系，号码已隐去</Text>
      ) : shown ? (
        <>
          <ZjButton size='small' kind='primary' ariaLabel={`拨打${shown.phone}`} onClick={() => onCall(shown.phone)}>
            拨打
          </ZjButton>
          <ZjButton size='small' ariaLabel='隐藏完整号码' onClick={onHide}>
            隐藏
          </ZjButton>
          <Text className='zj-job-explain'>本次查看已记录</Text>
        </>
      ) : (
        <>
          <Tag tone='success'>同意联系</Tag>
          <ZjButton
            size='small'
            ariaLabel={`查看完整号码：${item.resume.name || '求职者'}`}
            loading={reveal?.state === 'loading'}
            onClick={onReveal}
          >
            查看完整号码
          </ZjButton>
          {reveal?.state === 'error' && (
            <View className='zj-job-contact__error' role='alert'>
              <Text>{reveal.message}</Text>
            </View>
          )}
        </>
      )}
    </View>
  )
}

export default function StaffApplicationsPage() {
  const { params } = useRouter()
  const jobId = params.jobId ?? ''
  const { items, status, error, reveals, load, move, close, reveal, hide } = useStaffApplicationsStore()
  useEffect(() => {
    if (jobId) void load(jobId)
  }, [jobId, load])

  const doMove = async (id: string, s: Exclude<ApplicationStatus, 'submitted'>) => {
    const r = await move(id, s)
    void Taro.showToast({ title: r.ok ? r.data : r.error.message, icon: r.ok ? 'success' : 'none', duration: 2500 })
  }
  const call = (phone: string) => {
    Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {
      void Taro.showToast({ title: `请拨打 ${phone}`, icon: 'none', duration: 3000 })
    })
  }
  const doClose = async () => {
    const r = await close(jobId)
    void Taro.showToast({ title: r.ok ? r.data : r.error.message, icon: 'none' })
  }

  return (
    <PageShell>
      <View className='zj-job-actions'>
        <ZjButton
          size='small'
          ariaLabel='查看岗位详情'
          onClick={() => void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(jobId)}` })}
        >
          岗位详情
        </ZjButton>
        <ZjButton size='small' kind='danger' ariaLabel='关闭岗位' onClick={() => void doClose()}>
          关闭岗位
        </ZjButton>
      </View>
      <PageState
        status={jobId ? status : 'error'}
        error={jobId ? error : { code: 'NOT_FOUND', message: '缺少岗位编号' }}
        empty={items.length === 0}
        emptyText='这个岗位还没有收到投递'
        onRetry={() => void load(jobId)}
      >
        <View data-testid='staff-applications'>
          {items.map((a) => (
            <Card
              key={a.id}
              title={a.resume.name || '求职者'}
              extra={<Tag tone='primary'>{a.statusLabel}</Tag>}
              ariaLabel={`${a.resume.name}，${a.statusLabel}`}
            >
              <View className='zj-muted'>
                <Text>
                  {a.resume.education ? EDUCATION_LABELS[a.resume.education] : '学历未填'} · 投递于{' '}
                  {a.createdAt.slice(0, 10)}
                </Text>
              </View>
              <ContactLine
                item={a}
                reveal={reveals[a.id]}
                onReveal={() => void reveal(a.id)}
                onHide={() => hide(a.id)}
                onCall={call}
              />
              {a.resume.resume ? (
                // 我的简历 as the applicant chose to show it (name and phone stay masked)
                <View data-testid='staff-application-resume'>
                  {resumeLines(a.resume.resume)
                    .slice(1)
                    .map((line) => (
                      <View key={line} className='zj-muted'>
                        <Text>{line}</Text>
                      </View>
                    ))}
                </View>
              ) : (
                a.resume.skills.length > 0 && (
                  <View className='zj-muted'>
                    <Text>技能：{a.resume.skills.join('、')}</Text>
                  </View>
                )
              )}
              <View>
                {MOVES.filter((m) => APPLICATION_TRANSITIONS[a.status].includes(m.status)).map((m) => (
                  <ZjButton
                    key={m.status}
                    size='small'
                    kind={m.status === 'rejected' ? 'danger' : 'default'}
                    ariaLabel={`${m.label}：${a.resume.name}`}
                    onClick={() => void doMove(a.id, m.status)}
                  >
                    {m.label}
                  </ZjButton>
                ))}
              </View>
            </Card>
          ))}
        </View>
      </PageState>
    </PageShell>
  )
}
