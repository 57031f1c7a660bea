/** Home-page section「我的反馈」: owned by the feedback module (replace the body as the module's answers take shape). */
import Taro from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { Card } from '../../components/Card'
import { HomeListSection, titleOf } from '../HomeListSection'

export function FeedbackHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<unknown>
      title='我的反馈'
      testId='home-feedback'
      moreUrl='/packages/feedback/index/index'
      tab={false}
      refreshKey={refreshKey}
      emptyText='还没有提交过反馈'
      load={() => callFunction<{ items: unknown[] }>('feedback', { action: 'mine', pageSize: 3 })}
      renderItem={(item, i) => (
        <Card key={i} title={titleOf(item)} onClick={() => void Taro.navigateTo({ url: '/packages/feedback/index/index' })} ariaLabel={titleOf(item)} />
      )}
    />
  )
}
