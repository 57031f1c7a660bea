/** Home-page section「近期培训」: owned by the training module (replace the body as the module's answers take shape). */
import Taro from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { Card } from '../../components/Card'
import { HomeListSection, titleOf } from '../HomeListSection'

export function TrainingHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<unknown>
      title='近期培训'
      testId='home-training'
      moreUrl='/packages/training/index/index'
      tab={false}
      refreshKey={refreshKey}
      emptyText='还没有报名培训'
      load={() => callFunction<{ items: unknown[] }>('training', { action: 'mySignups', pageSize: 3 })}
      renderItem={(item, i) => (
        <Card key={i} title={titleOf(item)} onClick={() => void Taro.navigateTo({ url: '/packages/training/index/index' })} ariaLabel={titleOf(item)} />
      )}
    />
  )
}
