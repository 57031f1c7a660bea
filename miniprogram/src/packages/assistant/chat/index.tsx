/**
 * 问一问: questions in one's own words, answers from the policy library and the service guides with the cited
 * policy as a tappable card, 有帮助/没帮助, and 转人工 (a 咨询 feedback prefilled with the question).
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { Citation } from '@shared/assistant/answer'
import { SERVICE_GUIDES } from '@shared/assistant/guides'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { Tag } from '@/components/Tag'
import { useChatStore, type ChatTurn } from '@/stores/assistant.store'
import '@/modules/assistant/assistant.scss'

const EXAMPLES = ['我失业了能领多少钱', '返乡创业有什么补贴', '培训补贴怎么申请', '投诉多久给答复']
const GUIDE_PAGES = new Map(SERVICE_GUIDES.map((g) => [g.id, g.page]))

function CitationCard({ c }: { c: Citation }) {
  const open = () => {
    if (c.kind === 'policy')
      void Taro.navigateTo({ url: `/packages/policy/index/index?id=${encodeURIComponent(c.id)}` })
    else if (c.kind === 'guide') {
      const page = GUIDE_PAGES.get(c.id)
      if (!page) return
      if (page.startsWith('/pages/')) void Taro.switchTab({ url: page })
      else void Taro.navigateTo({ url: page })
    }
  }
  const label = c.kind === 'policy' ? '政策' : c.kind === 'guide' ? '办事指南' : '常见问题'
  const doc = c.kind === 'policy' ? (c.docNumber ? `依据：${c.docNumber}` : '依据文件文号待核实') : null
  return (
    <View
      className='zj-as-cite'
      role={c.kind === 'faq' ? undefined : 'button'}
      aria-label={c.kind === 'faq' ? `出处：常见问题「${c.title}」` : `查看${label}：${c.title}`}
      onClick={c.kind === 'faq' ? undefined : open}
      data-testid={`citation-${c.kind}`}
    >
      <View className='zj-as-cite__title'>
        <Text>{c.title}</Text>
        {doc && <Text className='zj-as-cite__doc'>{doc}</Text>}
      </View>
      <Tag tone={c.kind === 'policy' ? 'primary' : 'default'}>{label}</Tag>
      {c.kind !== 'faq' && <Text aria-hidden>›</Text>}
    </View>
  )
}

function Turn({ t }: { t: ChatTurn }) {
  const rate = useChatStore((s) => s.rate)
  const retry = useChatStore((s) => s.retry)
  const handOver = () =>
    void Taro.navigateTo({
      url: `/packages/feedback/submit/index?category=consultation&content=${encodeURIComponent(t.question)}`,
    })
  return (
    <View className='zj-as-turn' data-testid='chat-turn'>
      <View className='zj-as-q'>
        <Text className='zj-as-q__bubble'>{t.question}</Text>
      </View>
      {t.status === 'asking' && (
        <View className='zj-as-a' aria-busy='true'>
          <Text className='zj-as-a__text'>正在查找政策和办事指南…</Text>
        </View>
      )}
      {t.status === 'failed' && (
        <View className='zj-as-a' role='alert'>
          <Text className='zj-as-error'>{t.error ?? '没有问成功'}</Text>
          <View className='zj-as-actions'>
            <ZjButton size='small' ariaLabel='重新提问' onClick={() => void retry(t.id)}>
              重试
            </ZjButton>
          </View>
        </View>
      )}
      {t.status === 'answered' && t.answer && (
        <View data-testid={t.answer.handoff ? 'chat-handoff' : 'chat-answer'}>
          {t.answer.answers.map((a, i) => (
            <View key={i} className='zj-as-a'>
              <Text className='zj-as-a__text'>{a.text}</Text>
              {a.eligibility && <Text className='zj-as-elig'>{a.eligibility.text}</Text>}
              {a.citations.map((c) => (
                <CitationCard key={`${c.kind}:${c.id}`} c={c} />
              ))}
            </View>
          ))}
          {!t.answer.handoff && (
            <Text className='zj-as-meta'>回答依据本平台政策库和办事指南整理，以经办机构解释为准</Text>
          )}
          <View className='zj-as-actions'>
            {!t.answer.handoff && t.rated == null && (
              <>
                <ZjButton size='small' ariaLabel='这个回答有帮助' onClick={() => void rate(t.id, true)}>
                  有帮助
                </ZjButton>
                <ZjButton size='small' ariaLabel='这个回答没帮助' onClick={() => void rate(t.id, false)}>
                  没帮助
                </ZjButton>
              </>
            )}
            {t.rated != null && (
              <View role='status'>
                <Text className='zj-as-meta'>{t.rated ? '感谢评价' : '感谢评价，我们会完善这个回答'}</Text>
              </View>
            )}
            <ZjButton
              size='small'
              kind={t.answer.handoff ? 'primary' : 'default'}
              ariaLabel='转人工：把问题提交给工作人员'
              onClick={handOver}
            >
              转人工
            </ZjButton>
          </View>
        </View>
      )}
    </View>
  )
}

export default function AssistantChatPage() {
  const turns = useChatStore((s) => s.turns)
  const ask = useChatStore((s) => s.ask)
  const initial = decodeURIComponent(useRouter().params.q ?? '')
  const [text, setText] = useState('')
  const [hint, setHint] = useState<string | null>(null)

  useEffect(() => {
    if (initial) void ask(initial)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const send = (q = text) => {
    const question = q.trim()
    if (Array.from(question).length < 2) return setHint('请至少输入2个字')
    if (Array.from(question).length > 200) return setHint('问题不能超过200个字')
    setHint(null)
    setText('')
    void ask(question).then(() => Taro.pageScrollTo({ scrollTop: 99999, duration: 200 }).catch(() => undefined))
  }

  return (
    <PageShell className='zj-as-page'>
      <Text className='zj-as-intro'>
        用自己的话提问。回答只来自本平台的政策库、办事指南和常见问题，并注明出处；答不准时会建议转人工。
      </Text>
      {turns.length === 0 && (
        <View className='zj-as-block'>
          <Text className='zj-as-block__title'>大家常问</Text>
          <View className='zj-chips' role='group' aria-label='常见问题示例'>
            {EXAMPLES.map((q) => (
              <Chip key={q} label={q} on={false} role='checkbox' onTap={() => send(q)} />
            ))}
          </View>
        </View>
      )}
      <View data-testid='chat-list'>
        {turns.map((t) => (
          <Turn key={t.id} t={t} />
        ))}
      </View>
      <View className='zj-as-bar'>
        <View className='zj-as-inputwrap'>
          <Input
            className='zj-as-input'
            value={text}
            placeholder='例如：我失业了能领多少钱'
            confirmType='send'
            maxlength={200}
            aria-label='输入问题'
            data-testid='ask-input'
            onInput={(e) => setText(e.detail.value)}
            onConfirm={() => send()}
          />
        </View>
        <View className='zj-as-send'>
          <ZjButton kind='primary' ariaLabel='发送问题' onClick={() => send()}>
            发送
          </ZjButton>
        </View>
      </View>
      {hint && (
        <View role='alert'>
          <Text className='zj-as-error'>{hint}</Text>
        </View>
      )}
    </PageShell>
  )
}
