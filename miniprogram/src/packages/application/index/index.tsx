/** 我的办事: my applications (drafts resume, cases in progress, decisions) and the services one can apply for online. */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ListFooter } from '../../../components/ListFooter'
import { ZjButton } from '../../../components/ZjButton'
import { CaseCard } from '../../../modules/application/ApplicationParts'
import { useApplicationStore, useMyApplications } from '../../../stores/application.store'
import { usePagedList } from '@/hooks/usePagedList'
import '../../../modules/application/application.scss'

export default function MyApplicationsPage() {
  const [tab, setTab] = useState<'mine' | 'kinds'>('mine')
  const list = usePagedList(useMyApplications, { refreshOnShow: true })
  const kinds = useApplicationStore((s) => s.kinds)
  const kindsStatus = useApplicationStore((s) => s.kindsStatus)
  const kindsError = useApplicationStore((s) => s.kindsError)
  const loadKinds = useApplicationStore((s) => s.loadKinds)
  useEffect(() => {
    if (tab === 'kinds') void loadKinds()
  }, [tab, loadKinds])
  const open = (id: string, status: string) =>
    void Taro.navigateTo({
      url:
        status === 'draft'
          ? `/packages/application/form/index?id=${id}`
          : `/packages/application/detail/index?id=${id}`,
    })

  return (
    <PageShell className='zj-app-page'>
      <View className='zj-app-tabs'>
        <ZjButton
          ariaLabel='我的申请'
          size='small'
          kind={tab === 'mine' ? 'primary' : 'default'}
          onClick={() => setTab('mine')}
        >
          我的申请
        </ZjButton>
        <ZjButton
          ariaLabel='可办事项'
          size='small'
          kind={tab === 'kinds' ? 'primary' : 'default'}
          onClick={() => setTab('kinds')}
        >
          可办事项
        </ZjButton>
      </View>
      {tab === 'mine' ? (
        <PageState
          status={list.status}
          error={list.error}
          empty={list.items.length === 0}
          emptyText='还没有办事记录，可在「可办事项」中在线申请'
          onRetry={() => void list.refresh()}
        >
          {list.items.map((a) => (
            <CaseCard key={a.applicationId} item={a} onOpen={() => open(a.applicationId, a.status)} />
          ))}
          <ListFooter loading={list.loadingMore} hasMore={!!list.nextCursor} count={list.items.length} />
        </PageState>
      ) : (
        <PageState
          status={kindsStatus}
          error={kindsError}
          empty={kinds.length === 0}
          emptyText='暂无可在线办理的事项'
          onRetry={() => void loadKinds()}
        >
          {kinds.map((k) => (
            <View key={k.kind} className='zj-app-block' data-testid='application-kind'>
              <Text className='zj-app-title'>{k.title}</Text>
              <Text className='zj-app-hint'>{k.summary}</Text>
              <Text className='zj-app-hint'>所需材料：{k.materials.map((m) => m.label).join('、')}</Text>
              <Text className='zj-app-hint'>承诺办结：{k.reviewWorkingDays}个工作日</Text>
              {k.canApply ? (
                <ZjButton
                  ariaLabel={`在线申请${k.title}`}
                  kind='primary'
                  size='small'
                  onClick={() =>
                    void Taro.navigateTo({ url: `/packages/application/form/index?kind=${encodeURIComponent(k.kind)}` })
                  }
                >
                  在线申请
                </ZjButton>
              ) : (
                <Text className='zj-app-hint zj-app-bad'>暂不能申请：{k.whyNot}</Text>
              )}
            </View>
          ))}
        </PageState>
      )}
    </PageShell>
  )
}
