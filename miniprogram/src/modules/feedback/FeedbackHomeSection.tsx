/** Home-page section「我的反馈」: my latest items with status and due date; 我要反馈; handlers get their inbox. */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { FeedbackListItem } from '@shared/feedback/types'
import { ZjButton } from '@/components/ZjButton'
import { fetchMine } from '@/services/feedback.service'
import { useUserStore } from '@/stores/user.store'
import { HomeListSection } from '@/modules/HomeListSection'
import { FeedbackCard } from './FeedbackCard'
import './feedback.scss'

export function FeedbackHomeSection({ refreshKey }: { refreshKey: number }) {
  const staff = useUserStore((s) => s.roles.includes('handler') || s.roles.includes('admin'))
  return (
    <View>
      <HomeListSection<FeedbackListItem>
        title='我的反馈'
        testId='home-feedback'
        moreUrl='/packages/feedback/index/index'
        tab={false}
        refreshKey={refreshKey}
        emptyText='有咨询、投诉或建议？点“我要反馈”'
        load={() => fetchMine(undefined, 3)}
        renderItem={(item) => (
          <FeedbackCard
            key={item.trackingNo}
            item={item}
            showDepartment={false}
            onOpen={() =>
              void Taro.navigateTo({ url: `/packages/feedback/detail/index?trackingNo=${item.trackingNo}` })
            }
          />
        )}
      />
      <View className='zj-fb-actions' style={{ padding: '0 12px' }}>
        <ZjButton
          kind='primary'
          size='small'
          ariaLabel='我要反馈'
          onClick={() => void Taro.navigateTo({ url: '/packages/feedback/submit/index' })}
        >
          我要反馈
        </ZjButton>
        {staff && (
          <ZjButton
            size='small'
            ariaLabel='反馈待办'
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/feedback/inbox/index' })}
          >
            反馈待办
          </ZjButton>
        )}
      </View>
    </View>
  )
}
