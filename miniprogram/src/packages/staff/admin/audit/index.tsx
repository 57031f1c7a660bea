/** 操作日志: search the audit log by actor, event, target and date range; newest first, paged. */
import { useEffect, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/utils/format'
import { useAuditLogList } from '@/stores/auditLog.store'
import { auditFilterOf, type AuditForm } from '@/utils/staffForms'
import type { AuditEntry } from '@/services/admin.service'
import { Fields, Notice, type FieldSpec, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

const EVENT_LABELS: Record<string, string> = {
  'privacy.block': '限制账号',
  'privacy.unblock': '解除限制',
  'privacy.completeRequest': '办结数据申请',
  'privacy.exportMyData': '导出本人数据',
  'user.setRoles': '设置角色',
  'user.bindResident.attempt': '实名绑定尝试',
  'policy.publish': '发布政策',
}

const AUDIT_FIELDS: readonly FieldSpec<keyof AuditForm>[] = [
  { key: 'actor', label: '操作人 openid', placeholder: '如 o_demo_admin', testId: 'audit-actor', maxlength: 64 },
  { key: 'event', label: '事件', placeholder: '如 privacy.block', testId: 'audit-event', maxlength: 60 },
  { key: 'targetId', label: '对象编号', placeholder: '如被限制账号的 openid', testId: 'audit-target', maxlength: 64 },
  { key: 'from', label: '开始日期', placeholder: 'YYYY-MM-DD', testId: 'audit-from', maxlength: 10 },
  { key: 'to', label: '结束日期', placeholder: 'YYYY-MM-DD', testId: 'audit-to', maxlength: 10 },
]

function detailText(detail: AuditEntry['detail']): string {
  if (!detail) return ''
  const s = JSON.stringify(detail)
  return s.length > 160 ? `${s.slice(0, 159)}…` : s
}

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
          <Fields form={form} specs={AUDIT_FIELDS} onChange={set} />
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
                  <Tag tone={e.outcome === 'ok' ? 'success' : 'danger'}>{e.outcome === 'ok' ? '成功' : e.outcome}</Tag>
                </View>
                <Text className='zj-adm__row zj-adm__muted'>
                  {formatDateTime(e.at)} · {e.event}
                </Text>
                <Text className='zj-adm__row'>
                  操作人：{e.actor ?? '系统'}
                  {e.actorRoles?.length ? `（${e.actorRoles.join('、')}）` : ''}
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
