/** Home-page section「为你推荐的政策」: the resident's latest matches (政策找人). */
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Card } from '@/components/Card'
import { HomeListSection } from '@/modules/HomeListSection'
import { Section } from '@/components/Section'
import { BindInvite } from '@/modules/user/BindInvite'
import { myMatches, type MatchItem } from '@/services/policy.service'

export function PolicyHomeSection({ refreshKey, bound }: { refreshKey: number; bound?: boolean }) {
  // unbound: matching needs the register record, so the section invites binding instead of an empty list
  if (bound === false)
    return (
      <Section title='为你推荐的政策' testId='home-policy' moreUrl='/pages/policies/index' tab={true}>
        <BindInvite
          testId='home-policy-bind'
          text='实名绑定后，这里会列出您可以享受的就业政策和补贴。不绑定也可以做政策体检，按自己填的情况查看。'
        />
      </Section>
    )
  return (
    <HomeListSection<MatchItem>
      title='为你推荐的政策'
      testId='home-policy'
      moreUrl='/pages/policies/index'
      tab={true}
      refreshKey={refreshKey}
      emptyText='暂时没有匹配到政策，做一次政策体检看看'
      load={() => myMatches({ pageSize: 3, excludeClaimed: true })}
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
