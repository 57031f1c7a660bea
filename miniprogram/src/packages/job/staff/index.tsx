/** 岗位管理 (staff: handler or admin): postings I published, with their applications; publish a new one. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { useMyPostingsStore } from '@/stores/job.store'
import '@/modules/job/job.scss'

export default function StaffJobsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore } = useMyPostingsStore()
  const [jobId, setJobId] = useState('')
  useEffect(() => {
    void refresh()
  }, [refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  const openApplications = (id: string) =>
    void Taro.navigateTo({ url: `/packages/job/staff/applications/index?jobId=${encodeURIComponent(id)}` })

  return (
    <PageShell>
      <View className='zj-job-actions'>
        <ZjButton
          kind='primary'
          ariaLabel='发布岗位'
          onClick={() => void Taro.navigateTo({ url: '/packages/job/staff/post/index' })}
        >
          发布岗位
        </ZjButton>
      </View>
      <View className='zj-job-bar'>
        <Input
          className='zj-job-search'
          value={jobId}
          placeholder='输入岗位编号查看投递'
          aria-label='岗位编号'
          onInput={(e) => setJobId(e.detail.value)}
          onConfirm={() => jobId.trim() && openApplications(jobId.trim())}
        />
        <ZjButton
          size='small'
          ariaLabel='查看该岗位的投递'
          onClick={() => jobId.trim() && openApplications(jobId.trim())}
        >
          查看
        </ZjButton>
      </View>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有发布过岗位'
        onRetry={() => void refresh()}
      >
        <View data-testid='staff-postings'>
          {items.map((j) => (
            <Card
              key={j.id}
              title={j.title}
              extra={
                <Tag tone={j.status === 'open' && j.active ? 'success' : 'default'}>
                  {j.status === 'closed' ? '已关闭' : j.active ? '招聘中' : '已到期'}
                </Tag>
              }
              onClick={() => openApplications(j.id)}
              ariaLabel={`${j.title}，查看投递`}
            >
              <View className='zj-muted'>
                <Text>
                  {j.employerName} · {j.salaryText} · {j.districtName}
                </Text>
              </View>
              <View className='zj-muted'>
                <Text>
                  编号 {j.id} · 截止 {j.expiresAt.slice(0, 10)}
                </Text>
              </View>
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
