/** Home-page section「为你推荐的政策」: owned by the policy module (replace the body as the module's answers take shape). */
import Taro from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { Card } from '../../components/Card'
import { HomeListSection, titleOf } from '../HomeListSection'

export function PolicyHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<unknown>
      title='为你推荐的政策'
      testId='home-policy'
      moreUrl='/pages/policies/index'
      tab={true}
      refreshKey={refreshKey}
      emptyText='暂时没有匹配到政策，完善资料后再看看'
      load={() => callFunction<{ items: unknown[] }>('policy', { action: 'myMatches', pageSize: 3 })}
      renderItem={(item, i) => (
        <Card key={i} title={titleOf(item)} onClick={() => void Taro.navigateTo({ url: '/packages/policy/index/index' })} ariaLabel={titleOf(item)} />
      )}
    />
  )
}
