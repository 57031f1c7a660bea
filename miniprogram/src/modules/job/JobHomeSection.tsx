/** Home-page section「推荐岗位」: owned by the job module (replace the body as the module's answers take shape). */
import Taro from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { Card } from '../../components/Card'
import { HomeListSection, titleOf } from '../HomeListSection'

export function JobHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<unknown>
      title='推荐岗位'
      testId='home-job'
      moreUrl='/pages/jobs/index'
      tab={true}
      refreshKey={refreshKey}
      emptyText='暂无推荐岗位'
      load={() => callFunction<{ items: unknown[] }>('job', { action: 'recommend', pageSize: 3 })}
      renderItem={(item, i) => (
        <Card key={i} title={titleOf(item)} onClick={() => void Taro.navigateTo({ url: '/packages/job/index/index' })} ariaLabel={titleOf(item)} />
      )}
    />
  )
}
