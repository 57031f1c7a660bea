/**
 * 政策发布: pick a published policy, edit its summary, amounts, application window or end date, run the impact
 * dry run (how many persons, by city, would become eligible and be told), then publish it as the next version.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { createPagedListStore } from '@/stores/pagedList'
import { usePolicyEditor } from '@/stores/policyEditor.store'
import { policyDraftOf, policyFormOf, type PolicyForm } from '@/utils/policyForm'
import { listPolicies, type PolicyListItem } from '@/services/policy.service'
import { Field, Fields, Notice, type FieldSpec, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

const usePolicyPicker = createPagedListStore<PolicyListItem>((cursor) =>
  listPolicies({ pageSize: 50, ...(cursor ? { cursor } : {}) }),
)

function Picker({ onPick }: { onPick: (id: string) => void }) {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore } = usePolicyPicker()
  useEffect(() => {
    void refresh()
  }, [refresh])
  return (
    <View className='zj-adm__block'>
      <Text className='zj-adm__title'>选择要修改的政策</Text>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='暂无政策'
        onRetry={() => void refresh()}
      >
        {items.map((p) => (
          <View
            key={p.id}
            className='zj-link-row'
            role='button'
            aria-label={`修改${p.title}`}
            data-testid={`policy-${p.id}`}
            onClick={() => onPick(p.id)}
          >
            <Text>{p.title}</Text>
            <Text className='zj-adm__muted'>第{p.version}版 ›</Text>
          </View>
        ))}
        {nextCursor && (
          <ZjButton
            size='small'
            ariaLabel='加载更多政策'
            loading={loadingMore || undefined}
            onClick={() => void loadMore()}
          >
            加载更多
          </ZjButton>
        )}
      </PageState>
    </View>
  )
}

const DATE_FIELDS: readonly FieldSpec<'windowFrom' | 'windowTo' | 'windowNote' | 'effectiveTo'>[] = [
  {
    key: 'windowFrom',
    label: '申请开始日期（YYYY-MM-DD；全年可申请则留空）',
    testId: 'policy-window-from',
    maxlength: 10,
  },
  { key: 'windowTo', label: '申请截止日期（可留空）', testId: 'policy-window-to', maxlength: 10 },
  { key: 'windowNote', label: '申请期说明（可留空）', testId: 'policy-window-note', maxlength: 120 },
  {
    key: 'effectiveTo',
    label: '有效期截止（YYYY-MM-DD；长期有效则留空）',
    testId: 'policy-effective-to',
    maxlength: 10,
  },
]

export default function AdminPolicyPage() {
  const { status, error, detail, rule, impact, impactFor, working, published, load, runImpact, publish } =
    usePolicyEditor()
  const [id, setId] = useState<string | null>(null)
  const [form, setForm] = useState<PolicyForm | null>(null)
  const [notice, setNotice] = useState<NoticeValue | null>(null)
  /** Publishing asks once more, on the page (readable in 长辈版, no system dialog). */
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    if (detail && detail.id === id) setForm(policyFormOf(detail))
  }, [detail, id])
  const pick = (pid: string) => {
    setId(pid)
    setForm(null)
    setNotice(null)
    void load(pid)
  }
  const setField = (k: Exclude<keyof PolicyForm, 'amounts'>) => (v: string) =>
    setForm((f) => (f ? { ...f, [k]: v } : f))
  const setAmount = (i: number, k: 'text' | 'maxYuan') => (v: string) =>
    setForm((f) => (f ? { ...f, amounts: f.amounts.map((a, j) => (j === i ? { ...a, [k]: v } : a)) } : f))

  const draft = () => {
    if (!detail || !rule || !form) return null
    const r = policyDraftOf(detail, rule, form)
    if ('problem' in r) {
      setNotice({ text: r.problem, error: true })
      return null
    }
    return r.policy
  }
  const doImpact = async () => {
    const p = draft()
    if (!p) return
    setNotice(null)
    const res = await runImpact(p)
    if (!res.ok) setNotice({ text: res.error.message, error: true })
  }
  const doPublish = async () => {
    const p = draft()
    if (!p) return
    setConfirming(false)
    const res = await publish(p)
    setNotice(
      res.ok
        ? { text: `已发布第${res.data.version}版，重新匹配已开始（批次 ${res.data.runId}）`, error: false }
        : { text: res.error.message, error: true },
    )
  }
  const current = form && detail && rule ? policyDraftOf(detail, rule, form) : null
  const impactCurrent = !!impactFor && !!current && 'policy' in current && impactFor === JSON.stringify(current.policy)

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-policy'>
        <Notice notice={notice} />
        {!id && <Picker onPick={pick} />}
        {id && (
          <PageState status={status} error={error} onRetry={() => void load(id)}>
            {detail && (
              <View>
                <View className='zj-adm__block'>
                  <Text className='zj-adm__title'>{detail.title}</Text>
                  <Text className='zj-adm__row zj-adm__muted'>
                    当前第{detail.version}版 · 生效日期 {detail.effectiveFrom}
                  </Text>
                  <ZjButton
                    size='small'
                    ariaLabel='换一个政策'
                    onClick={() => {
                      setId(null)
                      setNotice(null)
                    }}
                  >
                    换一个政策
                  </ZjButton>
                </View>
                {!rule && (
                  <View className='zj-adm__notice zj-adm__notice--error' role='alert'>
                    <Text>
                      该政策的申请条件与本地政策库不一致（可能已通过接口修改），为免覆盖条件，请通过接口发布新版本。
                    </Text>
                  </View>
                )}
                {rule && form && (
                  <View className='zj-adm__block' data-testid='policy-form'>
                    <Text className='zj-adm__title'>修改内容</Text>
                    <Text className='zj-adm__hint'>申请条件不在此修改。发布前须先试算影响人数。</Text>
                    <Field
                      label='通俗摘要（5–300字）'
                      value={form.summary}
                      onChange={setField('summary')}
                      testId='policy-summary'
                      multiline
                      maxlength={300}
                    />
                    {form.amounts.map((a, i) => (
                      <View key={i}>
                        <Field
                          label={`补贴标准 ${i + 1}`}
                          value={a.text}
                          onChange={setAmount(i, 'text')}
                          testId={`policy-amount-${i}`}
                          maxlength={200}
                        />
                        <Field
                          label={`补贴标准 ${i + 1} 最高金额（元，可留空）`}
                          value={a.maxYuan}
                          onChange={setAmount(i, 'maxYuan')}
                          testId={`policy-amount-max-${i}`}
                          maxlength={12}
                        />
                        {form.amounts.length > 1 && (
                          <ZjButton
                            size='small'
                            kind='danger'
                            ariaLabel={`删除补贴标准 ${i + 1}`}
                            onClick={() => setForm({ ...form, amounts: form.amounts.filter((_, j) => j !== i) })}
                          >
                            删除此项
                          </ZjButton>
                        )}
                      </View>
                    ))}
                    {form.amounts.length < 10 && (
                      <ZjButton
                        size='small'
                        ariaLabel='添加一项补贴标准'
                        onClick={() => setForm({ ...form, amounts: [...form.amounts, { text: '', maxYuan: '' }] })}
                      >
                        添加一项
                      </ZjButton>
                    )}
                    <Fields form={form} specs={DATE_FIELDS} onChange={setField} />
                    <View className='zj-adm__actions'>
                      <ZjButton
                        kind='primary'
                        ariaLabel='试算发布后新增符合条件的人数'
                        loading={working || undefined}
                        onClick={() => void doImpact()}
                      >
                        试算影响
                      </ZjButton>
                      <ZjButton
                        ariaLabel='发布新版本'
                        disabled={!impactCurrent || working || !!published || undefined}
                        onClick={() => setConfirming(true)}
                      >
                        发布新版本
                      </ZjButton>
                    </View>
                  </View>
                )}
                {impact && (
                  <View className='zj-adm__block' data-testid='policy-impact' aria-live='polite'>
                    <Text className='zj-adm__title'>影响评估（试算，未写入）</Text>
                    <Text className='zj-adm__row'>
                      新增符合条件：{impact.newlyEligible} 人（发布后将通知或安排走访）
                    </Text>
                    <Text className='zj-adm__row'>不再符合：{impact.noLongerEligible} 人</Text>
                    <Text className='zj-adm__row zj-adm__muted'>
                      共检查 {impact.scanned} 人，符合 {impact.eligible} 人
                      {impact.comparedWithVersion ? `，对比第${impact.comparedWithVersion}版` : ''}
                      {impact.nextCursor ? '（人数较多，仅为部分结果）' : ''}
                    </Text>
                    {impact.byCity.length > 0 && (
                      <View className='zj-adm__stats'>
                        {impact.byCity.map((c) => (
                          <Tag key={c.cityCode}>
                            {c.cityName} {c.count} 人
                          </Tag>
                        ))}
                      </View>
                    )}
                    {!impactCurrent && (
                      <Text className='zj-adm__row zj-adm__muted'>内容已修改，请重新试算后再发布</Text>
                    )}
                  </View>
                )}
                {confirming && impact && impactCurrent && !published && (
                  <View
                    className='zj-adm__notice'
                    role='alertdialog'
                    aria-label='确认发布'
                    data-testid='policy-confirm'
                  >
                    <Text>
                      发布后将按新版本重新匹配，预计新增 {impact.newlyEligible} 人符合条件并收到通知或走访。确定发布吗？
                    </Text>
                    <View className='zj-adm__actions'>
                      <ZjButton
                        kind='primary'
                        ariaLabel='确认发布新版本'
                        loading={working || undefined}
                        onClick={() => void doPublish()}
                      >
                        确认发布
                      </ZjButton>
                      <ZjButton ariaLabel='取消发布' onClick={() => setConfirming(false)}>
                        取消
                      </ZjButton>
                    </View>
                  </View>
                )}
                {published && (
                  <View className='zj-adm__block' data-testid='policy-published'>
                    <Text className='zj-adm__title'>已发布第{published.version}版</Text>
                    <Text className='zj-adm__row zj-adm__muted'>
                      重新匹配批次 {published.runId}，共 {published.shards} 个分片
                    </Text>
                  </View>
                )}
              </View>
            )}
          </PageState>
        )}
      </View>
    </PageShell>
  )
}
