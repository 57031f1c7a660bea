/** 政策详情: plain-language summary, who qualifies, how much, what to bring, how to apply, and the source. */
import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { usePolicyDetailStore } from '@/stores/policy.store'
import type { Requirement } from '@/services/policy.service'
import { canApplyOnline } from '@shared/application/onlineKinds'
import '@/modules/policy/policy.scss'

function Requirements({ items, depth = 0 }: { items: Requirement[]; depth?: number }) {
  return (
    <View>
      {items.map((r, i) => (
        <View key={`${r.code}-${i}`}>
          <View className={`zj-po-item ${depth ? 'zj-po-item--child' : ''}`}>
            <Text className='zj-po-mark'>•</Text>
            <Text>{r.text}</Text>
          </View>
          {r.children && <Requirements items={r.children} depth={depth + 1} />}
        </View>
      ))}
    </View>
  )
}

export default function PolicyDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { byId, load } = usePolicyDetailStore()
  const entry = byId[id]
  const p = entry?.data

  useEffect(() => {
    if (id) void load(id)
  }, [id, load])
  useShareAppMessage(() => ({
    title: p ? p.title : '政策详情',
    path: `/packages/policy/index/index?id=${encodeURIComponent(id)}`,
  }))

  return (
    <PageShell>
      <PageState
        status={id ? (entry?.status ?? 'loading') : 'error'}
        error={id ? entry?.error : { code: 'NOT_FOUND', message: '没有找到该政策' }}
        onRetry={() => void load(id)}
      >
        {p && (
          <View data-testid='policy-detail'>
            <View className='zj-block'>
              <Text className='zj-po-title'>{p.title}</Text>
              <View>
                <Tag>{p.categoryLabel}</Tag>{' '}
                <Tag tone={p.applicationOpen ? 'primary' : 'default'}>
                  {p.applicationOpen ? '正在受理' : p.inForce === 'expired' ? '已到期' : '暂未受理'}
                </Tag>
              </View>
              <Text className='zj-po-text'>{p.summary}</Text>
              <ZjButton
                kind='primary'
                block
                ariaLabel='看看我是否符合这项政策'
                onClick={() =>
                  void Taro.navigateTo({ url: `/packages/policy/check/index?id=${encodeURIComponent(p.id)}` })
                }
              >
                看看我是否符合
              </ZjButton>
              <ZjButton
                block
                ariaLabel={`问一问：关于${p.title}`}
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/assistant/chat/index?q=${encodeURIComponent(`${p.title}怎么申请`)}`,
                  })
                }
              >
                问一问
              </ZjButton>
            </View>
            <View className='zj-block'>
              <Text className='zj-po-h'>谁可以申请</Text>
              <Text className='zj-po-muted'>{p.audience}</Text>
              <Requirements items={p.requirements} />
            </View>
            <View className='zj-block'>
              <Text className='zj-po-h'>补贴标准</Text>
              {p.amounts.map((a, i) => (
                <Text key={i} className='zj-po-text'>
                  {a.text}
                </Text>
              ))}
              {p.applicationWindow && (
                <Text className='zj-po-muted'>
                  申请时间：{p.applicationWindow.from} 至 {p.applicationWindow.to ?? '长期'}
                  {p.applicationWindow.note ? `（${p.applicationWindow.note}）` : ''}
                </Text>
              )}
            </View>
            <View className='zj-block'>
              <Text className='zj-po-h'>需要准备的材料</Text>
              {p.materials.map((m, i) => (
                <Text key={i} className='zj-po-text'>
                  {i + 1}. {m}
                </Text>
              ))}
            </View>
            <View className='zj-block'>
              <Text className='zj-po-h'>怎么申请</Text>
              {p.howToApply.map((m, i) => (
                <Text key={i} className='zj-po-text'>
                  第{i + 1}步：{m}
                </Text>
              ))}
              <Text className='zj-po-muted'>经办机构：{p.handledBy}</Text>
              {canApplyOnline(p.id) && (
                <ZjButton
                  ariaLabel='在线申请'
                  kind='primary'
                  block
                  onClick={() =>
                    void Taro.navigateTo({
                      url: `/packages/application/form/index?kind=${encodeURIComponent(`policy:${p.id}`)}`,
                    })
                  }
                >
                  在线申请（资料自动带出）
                </ZjButton>
              )}
            </View>
            <View className='zj-block'>
              <Text className='zj-po-h'>政策依据</Text>
              {p.sources.map((s, i) => (
                <Text key={i} className='zj-po-muted'>
                  {s.cited}
                </Text>
              ))}
              <Text className='zj-po-muted'>
                施行日期：{p.effectiveFrom}
                {p.effectiveTo ? ` 至 ${p.effectiveTo}` : ''}；第{p.version}版
              </Text>
              <Text className='zj-po-muted'>以上为政策要点解读，具体以经办机构审核为准。</Text>
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
