/** Home-page section「为你推荐的政策」: the resident's latest matches (政策找人). */
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Card } from '@/components/Card'
import { HomeListSection } from '@/modules/HomeListSection'
import { myMatches, type MatchItem } from '@/services/policy.service'

export function PolicyHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<MatchItem>
      title='为你推荐的政策'
      testId='home-policy'
      moreUrl='/pages/policies/index'
      tab={true}
      refreshKey={refreshKey}
      emptyText='暂时没有匹配到政策，做一次政策体检看看'
      load={() => myMatches({ pageSize: 3 })}
      renderItem={(item) => (
        <Card
          key={`${item.policyId}@${item.version}`}
          title={item.title}
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/policy/index/index?id=${encodeURIComponent(item.policyId)}` })
          }
          ariaLabel={`查看政策：${item.title}`}
        >
          <Text className='zj-muted'>您可能符合申请条件，点击查看</Text>
        </Card>
      )}
    />
  )
}
