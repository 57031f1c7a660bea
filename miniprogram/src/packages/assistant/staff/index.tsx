/**
 * 问答知识库 (staff): 待完善问题 — questions handed over or rated unhelpful, grouped, the most asked first, each
 * with 「加入知识库」 — and the FAQ staff maintain (edit, retire, add).
 */
import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ListFooter } from '../../../components/ListFooter'
import { Card } from '../../../components/Card'
import { Chip } from '../../../components/Chip'
import { Tag } from '../../../components/Tag'
import { ZjButton } from '../../../components/ZjButton'
import { usePagedList } from '@/hooks/usePagedList'
import { useFaqList, useGapList, useKnowledgeStore } from '../../../stores/assistant.store'
import type { FaqForm } from '../../../services/assistant.service'
import '../../../modules/assistant/assistant.scss'

function FaqEditor({ initial, onDone }: { initial: FaqForm; onDone: () => void }) {
  const save = useKnowledgeStore((s) => s.save)
  const saving = useKnowledgeStore((s) => s.saving)
  const [question, setQuestion] = useState(initial.question)
  const [answer, setAnswer] = useState(initial.answer)
  const [keywords, setKeywords] = useState((initial.keywords ?? []).join('，'))
  const [msg, setMsg] = useState<string | null>(null)
  const submit = async () => {
    const res = await save({
      ...initial,
      question: question.trim(),
      answer: answer.trim(),
      keywords: keywords
        .split(/[，,\s]+/)
        .filter(Boolean)
        .slice(0, 10),
    })
    if (res.ok) {
      setMsg(res.data.resolvedGaps ? `已加入知识库，${res.data.resolvedGaps}个提问已解决` : '已保存')
      setTimeout(onDone, 600)
    } else setMsg(res.error.message)
  }
  return (
    <View className='zj-as-block' data-testid='faq-editor'>
      <Text className='zj-muted'>问题</Text>
      <Input
        className='zj-as-field'
        value={question}
        maxlength={100}
        aria-label='问题'
        onInput={(e) => setQuestion(e.detail.value)}
      />
      <Text className='zj-muted'>回答（只写政策库和办事指南里有依据的内容）</Text>
      <Textarea
        className='zj-as-textarea'
        value={answer}
        maxlength={1000}
        aria-label='回答'
        onInput={(e) => setAnswer(e.detail.value)}
      />
      <Text className='zj-muted'>关键词（用逗号分开，可不填）</Text>
      <Input
        className='zj-as-field'
        value={keywords}
        aria-label='关键词'
        onInput={(e) => setKeywords(e.detail.value)}
      />
      {msg && (
        <View role='status'>
          <Text className='zj-muted'>{msg}</Text>
        </View>
      )}
      <View className='zj-as-actions'>
        <ZjButton kind='primary' ariaLabel='保存常见问题' loading={saving} onClick={() => void submit()}>
          {initial.fromGap ? '加入知识库' : '保存'}
        </ZjButton>
        <ZjButton ariaLabel='取消编辑' onClick={onDone}>
          取消
        </ZjButton>
      </View>
    </View>
  )
}

function Gaps() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useGapList)
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <PageState
      status={status}
      error={error}
      empty={items.length === 0}
      emptyText='暂无待完善的问题'
      onRetry={() => void refresh()}
    >
      <View data-testid='gap-list'>
        {items.map((g) => (
          <View key={g.key}>
            <Card title={g.question} extra={<Tag tone='warning'>{`${g.count}次`}</Tag>}>
              <Text className='zj-muted'>{`转人工${g.handoff}次 · 没帮助${g.unhelpful}次 · 最近 ${g.lastAt.slice(0, 16).replace('T', ' ')}`}</Text>
              {g.samples.length > 1 && <Text className='zj-muted'>{`相近问法：${g.samples.join('；')}`}</Text>}
              <View className='zj-as-actions'>
                <ZjButton
                  size='small'
                  kind='primary'
                  ariaLabel={`把「${g.question}」加入知识库`}
                  onClick={() => setEditing(g.key)}
                >
                  加入知识库
                </ZjButton>
              </View>
            </Card>
            {editing === g.key && (
              <FaqEditor
                initial={{ question: g.question, answer: '', fromGap: g.key }}
                onDone={() => setEditing(null)}
              />
            )}
          </View>
        ))}
      </View>
      <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
    </PageState>
  )
}

function Faqs() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useFaqList)
  const save = useKnowledgeStore((s) => s.save)
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <View>
      <View className='zj-as-actions' style={{ margin: '0 16px' }}>
        <ZjButton kind='primary' ariaLabel='新增常见问题' onClick={() => setEditing('new')}>
          新增常见问题
        </ZjButton>
      </View>
      {editing === 'new' && <FaqEditor initial={{ question: '', answer: '' }} onDone={() => setEditing(null)} />}
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有常见问题'
        onRetry={() => void refresh()}
      >
        <View data-testid='faq-list'>
          {items.map((f) => (
            <View key={f.id}>
              <Card title={f.question}>
                <Text className='zj-muted'>{f.answer}</Text>
                <View className='zj-as-actions'>
                  <ZjButton size='small' ariaLabel={`编辑「${f.question}」`} onClick={() => setEditing(f.id)}>
                    编辑
                  </ZjButton>
                  <ZjButton
                    size='small'
                    kind='danger'
                    ariaLabel={`停用「${f.question}」`}
                    onClick={() => void save({ id: f.id, question: f.question, answer: f.answer, active: false })}
                  >
                    停用
                  </ZjButton>
                </View>
              </Card>
              {editing === f.id && (
                <FaqEditor
                  initial={{ id: f.id, question: f.question, answer: f.answer, keywords: f.keywords }}
                  onDone={() => setEditing(null)}
                />
              )}
            </View>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </View>
  )
}

export default function AssistantStaffPage() {
  const [tab, setTab] = useState<'gaps' | 'faqs'>('gaps')
  return (
    <PageShell>
      <View className='zj-chips' role='radiogroup' aria-label='切换列表' style={{ margin: '16px' }}>
        <Chip label='待完善问题' on={tab === 'gaps'} onTap={() => setTab('gaps')} mark />
        <Chip label='常见问题' on={tab === 'faqs'} onTap={() => setTab('faqs')} mark />
      </View>
      {tab === 'gaps' ? <Gaps /> : <Faqs />}
    </PageShell>
  )
}
