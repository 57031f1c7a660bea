/**
 * 政策体检: starts from the resident's bound record (if any), asks only the questions that would still decide
 * an answer (one at a time, the most useful first), and shows for every policy why / why not / what would
 * change it.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import type { Facts } from '@shared/rules/types'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Card } from '@/components/Card'
import { StatusTag } from '@/modules/policy/StatusTag'
import { ReasonList } from '@/modules/policy/ReasonList'
import { usePolicyCheckStore } from '@/stores/policy.store'
import type { CheckResult, PolicyQuestion } from '@/services/policy.service'
import '@/modules/policy/policy.scss'

function Option({ on, label, onClick }: { on?: boolean; label: string; onClick: () => void }) {
  return (
    <View
      className={`zj-po-option ${on ? 'zj-po-option--on' : ''}`}
      role='button'
      aria-label={label}
      aria-pressed={!!on}
      onClick={onClick}
    >
      <Text>{label}</Text>
    </View>
  )
}

/** One question, with the input its kind needs. Calls `give` with the fact's value (null = "none"). */
function QuestionCard({ q, give, busy }: { q: PolicyQuestion; give: (v: Facts[keyof Facts]) => void; busy: boolean }) {
  const [text, setText] = useState('')
  const [groups, setGroups] = useState<string[]>([])
  const [hint, setHint] = useState('')
  useEffect(() => {
    setText('')
    setGroups([])
    setHint('')
  }, [q.fact])
  const submitText = () => {
    const t = text.trim()
    if (q.kind === 'region') {
      if (!/^\d{6}$/.test(t)) return setHint('请输入6位区县代码，例如 370102（济南市历下区）')
      return give(t)
    }
    const n = Number(t)
    if (!t || !Number.isInteger(n) || n < 0) return setHint('请输入整数')
    if (q.kind === 'year' && (n < 1950 || n > 2100)) return setHint('请输入四位年份，例如 2025')
    give(n)
  }
  return (
    <View className='zj-block' data-testid='policy-question'>
      <Text className='zj-po-h'>{q.question}</Text>
      {q.decides ? <Text className='zj-po-muted'>回答后可确定 {q.decides} 项政策</Text> : null}
      {q.kind === 'boolean' && (
        <View className='zj-po-options'>
          <Option label='是' onClick={() => give(true)} />
          <Option label='否' onClick={() => give(false)} />
        </View>
      )}
      {q.kind === 'enum' && (
        <View className='zj-po-options'>
          {q.options?.map((o) => (
            <Option key={o.value} label={o.label} onClick={() => give(o.value as never)} />
          ))}
        </View>
      )}
      {q.kind === 'keyGroups' && (
        <View>
          <View className='zj-po-options'>
            {q.options?.map((o) => (
              <Option
                key={o.value}
                label={o.label}
                on={groups.includes(o.value)}
                onClick={() =>
                  setGroups((g) => (g.includes(o.value) ? g.filter((x) => x !== o.value) : [...g, o.value]))
                }
              />
            ))}
          </View>
          <ZjButton kind='primary' ariaLabel='确认人员类别' disabled={busy} onClick={() => give(groups as never)}>
            {groups.length ? '确定' : '以上都不是'}
          </ZjButton>
        </View>
      )}
      {q.kind === 'date' && (
        <View className='zj-po-options'>
          <Picker
            mode='date'
            value='2024-01-01'
            start='1940-01-01'
            end='2030-12-31'
            onChange={(e) => give(String(e.detail.value))}
          >
            <View className='zj-po-option' role='button' aria-label={`选择${q.label}`}>
              <Text>选择日期</Text>
            </View>
          </Picker>
        </View>
      )}
      {(q.kind === 'number' || q.kind === 'year' || q.kind === 'region') && (
        <View>
          <Input
            className='zj-po-input'
            type={q.kind === 'region' ? 'text' : 'number'}
            value={text}
            placeholder={q.kind === 'region' ? '6位区县代码，如 370102' : '请输入数字'}
            onInput={(e) => setText(e.detail.value)}
            aria-label={q.label}
          />
          <ZjButton kind='primary' ariaLabel={`提交${q.label}`} disabled={busy} onClick={submitText}>
            确定
          </ZjButton>
        </View>
      )}
      {q.nullable && (
        <View className='zj-po-options'>
          <Option label={q.nullLabel ?? '没有'} onClick={() => give(null)} />
        </View>
      )}
      {hint ? (
        <View role='alert'>
          <Text className='zj-po-muted'>{hint}</Text>
        </View>
      ) : null}
    </View>
  )
}

function ResultCard({ r }: { r: CheckResult }) {
  const [open, setOpen] = useState(r.status !== 'ineligible')
  return (
    <Card
      title={r.title}
      extra={<StatusTag status={r.status} />}
      onClick={() => setOpen(!open)}
      ariaLabel={`${r.title}：${open ? '收起' : '展开'}原因`}
    >
      {open && <ReasonList reasons={r.reasons} />}
      {r.changes.map((c, i) => (
        <Text key={i} className='zj-po-change'>
          {c.text}
        </Text>
      ))}
      {r.status === 'eligible' && !r.applicationOpen && (
        <Text className='zj-po-muted'>当前不在申请期，请留意申请时间</Text>
      )}
      {open && (
        <View className='zj-po-options'>
          <Option
            label='查看办理方式 ›'
            onClick={() =>
              void Taro.navigateTo({ url: `/packages/policy/index/index?id=${encodeURIComponent(r.policyId)}` })
            }
          />
        </View>
      )}
    </Card>
  )
}

export default function PolicyCheckPage() {
  const id = useRouter().params.id
  const { status, answer, error, start, answer1, run } = usePolicyCheckStore()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void start(id ? [decodeURIComponent(id)] : undefined)
  }, [id, start])

  const q = answer?.missingFacts[0]
  const give = async (v: Facts[keyof Facts]) => {
    if (!q) return
    setBusy(true)
    await answer1({ [q.fact]: v } as Facts)
    setBusy(false)
  }

  return (
    <PageShell>
      <PageState status={status} error={error} onRetry={() => void run()}>
        {answer && (
          <View data-testid='policy-check'>
            <View className='zj-block'>
              <Text className='zj-po-h'>体检结果</Text>
              <Text className='zj-po-text'>
                符合 {answer.summary.eligible} 项 · 待确定 {answer.summary.undetermined} 项 · 暂不符合{' '}
                {answer.summary.ineligible} 项
              </Text>
              <Text className='zj-po-muted'>
                {answer.usedProfile
                  ? '已根据您的就业登记信息判断，回答下面的问题可以更准确。'
                  : '未绑定居民档案，请回答下面的问题。'}
              </Text>
            </View>
            {q && <QuestionCard q={q} give={(v) => void give(v)} busy={busy} />}
            {answer.results.map((r) => (
              <ResultCard key={r.policyId} r={r} />
            ))}
            <Text className='zj-po-muted'>结果仅供参考，以经办机构审核为准。</Text>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
