/** Home-page section「推荐岗位」: the caller's best matches with the match percentage and why (through the job store). */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RecommendItem } from '@shared/job/views'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { HomeListSection } from '@/modules/HomeListSection'
import { HOME_RECOMMENDATIONS, loadHomeRecommendations } from '@/stores/job.store'

export function JobHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<RecommendItem>
      title='推荐岗位'
      testId='home-job'
      moreUrl='/pages/jobs/index'
      tab={true}
      refreshKey={refreshKey}
      emptyText='暂无推荐岗位，完善求职意向后再看看'
      max={HOME_RECOMMENDATIONS}
      load={loadHomeRecommendations}
      renderItem={(job) => (
        <Card
          key={job.id}
          title={job.title}
          extra={<Tag tone='primary'>匹配 {job.matchPercent}%</Tag>}
          onClick={() => void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(job.id)}` })}
          ariaLabel={`${job.title}，${job.salaryText}，匹配度${job.matchPercent}%`}
        >
          <View className='zj-muted'>
            <Text>
              {job.salaryText} · {job.employerName} · {job.districtName}
            </Text>
          </View>
          <View className='zj-muted'>
            <Text>{job.explanation}</Text>
          </View>
        </Card>
      )}
    />
  )
}
