/** 操作日志: search the audit log by actor, event, target and date range; newest first, paged. */
import { useEffect, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/utils/format'
import { useAuditLogList } from '@/stores/auditLog.store'
import { ROLE_LABELS } from '@/stores/user.store'
import { auditFilterOf, type AuditForm } from '@/utils/staffForms'
import type { AuditEntry } from '@/services/admin.service'
import { Field, Notice, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

/** Every audited event the functions write (cloudfunctions/*: audit(ctx, {event})), in Chinese. */
const EVENT_LABELS: Record<string, string> = {
  'privacy.block': '限制账号',
  'privacy.unblock': '解除限制',
  'privacy.completeRequest': '办结数据申请',
  'privacy.exportMyData': '导出本人数据',
  'privacy.consent': '同意隐私保护指引',
  'privacy.request.correction': '申请更正',
  'privacy.request.deletion': '申请注销',
  'user.setRoles': '设置角色',
  'user.bindResident.attempt': '实名绑定尝试',
  'user.unbindResident': '解除实名绑定',
  'policy.publish': '发布政策',
  'job.post': '发布岗位',
  'job.update': '修改岗位',
  'job.close': '关闭岗位',
  'job.setApplicationStatus': '处理投递',
  'training.create': '新建课程',
  'training.cancelCourse': '取消课程',
  'training.markAttendance': '登记考勤',
  'training.complete': '登记结业',
  'feedback.revealContact': '查看反馈人电话',
  'feedback.setHolidays': '修改节假日',
  'outreach.recordVisit': '记录走访',
  'outreach.revealContact': '查看居民电话',
  'notify.dispatchNow': '立即发送消息',
  'notify.requeue': '重新排队发送',
  'application.draft.onBehalf': '代为办理（草稿）',
  'application.submit.onBehalf': '代为提交申请',
  'application.export': '导出办件',
  'exchange.importStart': '开始导入',
  'exchange.import.finished': '导入完成',
}
const EVENT_CHOICES = [{ value: '', label: '全部事件' }].concat(
  Object.entries(EVENT_LABELS).map(([value, label]) => ({ value, label })),
)
const OUTCOME_LABELS: Record<string, string> = { ok: '成功', denied: '被拒绝', failed: '失败', refused: '被拒绝' }

/** The detail as 「key：value」 lines (no raw JSON on a staff screen), cut at 160 characters. */
function detailText(detail: AuditEntry['detail']): string {
  if (!detail) return ''
  const value = (v: unknown): string =>
    Array.isArray(v)
      ? v.map(value).join('、')
      : v && typeof v === 'object'
        ? Object.entries(v as Record<string, unknown>)
            .map(([k, x]) => `${k} ${value(x)}`)
            .join('，')
        : String(v)
  const s = Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k}：${value(v)}`)
    .join('；')
  return s.length > 160 ? `${s.slice(0, 159)}…` : s
}
const roleText = (roles: string[]) => roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join('、')

export default function AdminAuditPage() {
  const { params } = useRouter()
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore, show } = useAuditLogList()
  const [form, setForm] = useState<AuditForm>({
    actor: '',
    event: params.event ?? '',
    targetId: decodeURIComponent(params.targetId ?? ''),
    from: '',
    to: '',
  })
  const [notice, setNotice] = useState<NoticeValue | null>(null)
  const set = (k: keyof AuditForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }))

  const search = async () => {
    const r = auditFilterOf(form)
    if ('problem' in r) return setNotice({ text: r.problem, error: true })
    setNotice(null)
    await show(r.filter)
  }
  useEffect(() => {
    void search()
    // first load with the filter the page was opened with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useReachBottom(() => void loadMore())

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-audit'>
        <Notice notice={notice} />
        <View className='zj-adm__block'>
          <Text className='zj-adm__title'>检索条件</Text>
          <Field
            label='操作人 openid'
            value={form.actor}
            onChange={set('actor')}
            placeholder='如 o_demo_admin'
            testId='audit-actor'
            maxlength={64}
          />
          <View>
            <Text className='zj-adm__label'>事件</Text>
            <Picker
              mode='selector'
              range={EVENT_CHOICES.map((c) => c.label)}
              value={Math.max(
                0,
                EVENT_CHOICES.findIndex((c) => c.value === form.event),
              )}
              onChange={(e) => set('event')(EVENT_CHOICES[Number(e.detail.value)]?.value ?? '')}
            >
              <View className='zj-adm__input zj-adm__picker' aria-label='选择事件' data-testid='audit-event'>
                <Text>{EVENT_LABELS[form.event] ?? (form.event || '全部事件')}</Text>
              </View>
            </Picker>
          </View>
          <Field
            label='对象编号'
            value={form.targetId}
            onChange={set('targetId')}
            placeholder='如被限制账号的 openid'
            testId='audit-target'
            maxlength={64}
          />
          <View>
            <Text className='zj-adm__label'>开始日期</Text>
            <Picker mode='date' value={form.from} onChange={(e) => set('from')(String(e.detail.value))}>
              <View className='zj-adm__input zj-adm__picker' aria-label='选择开始日期' data-testid='audit-from'>
                <Text>{form.from || '不限'}</Text>
              </View>
            </Picker>
          </View>
          <View>
            <Text className='zj-adm__label'>结束日期</Text>
            <Picker mode='date' value={form.to} onChange={(e) => set('to')(String(e.detail.value))}>
              <View className='zj-adm__input zj-adm__picker' aria-label='选择结束日期' data-testid='audit-to'>
                <Text>{form.to || '不限'}</Text>
              </View>
            </Picker>
          </View>
          <View className='zj-adm__actions'>
            <ZjButton kind='primary' ariaLabel='按条件检索操作日志' onClick={() => void search()}>
              检索
            </ZjButton>
            <ZjButton
              ariaLabel='清空检索条件'
              onClick={() => setForm({ actor: '', event: '', targetId: '', from: '', to: '' })}
            >
              清空
            </ZjButton>
          </View>
        </View>
        <PageState
          status={status}
          error={error}
          empty={items.length === 0}
          emptyText='没有符合条件的操作记录'
          onRetry={() => void refresh()}
        >
          <View data-testid='audit-list'>
            {items.map((e) => (
              <View key={e.id} className='zj-adm__block' data-testid='audit-item' data-event={e.event}>
                <View>
                  <Text className='zj-adm__title'>{EVENT_LABELS[e.event] ?? e.event}</Text>
                  <Tag tone={e.outcome === 'ok' ? 'success' : 'danger'}>
                    {(e.outcome && OUTCOME_LABELS[e.outcome]) ?? e.outcome ?? ''}
                  </Tag>
                </View>
                <Text className='zj-adm__row zj-adm__muted'>{formatDateTime(e.at)}</Text>
                <Text className='zj-adm__row'>
                  操作人：{e.actor ?? '系统'}
                  {e.actorRoles?.length ? `（${roleText(e.actorRoles)}）` : ''}
                </Text>
                {e.targetId && (
                  <Text className='zj-adm__row'>
                    对象：{e.targetType ? `${e.targetType} ` : ''}
                    {e.targetId}
                  </Text>
                )}
                {e.onBehalfOf && <Text className='zj-adm__row'>代表：{e.onBehalfOf}</Text>}
                {e.detail && <Text className='zj-adm__row zj-adm__muted'>详情：{detailText(e.detail)}</Text>}
              </View>
            ))}
          </View>
          <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
        </PageState>
      </View>
    </PageShell>
  )
}
