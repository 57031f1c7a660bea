/** 职业技能培训: the catalogue with search and filters; 附近 turns it into the training map (nearest first). */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { CourseCard } from '@/modules/training/CourseCard'
import { useCourseFilterStore, useCourseListStore } from '@/stores/training.store'
import { usePagedList } from '@/hooks/usePagedList'
import '@/modules/training/training.scss'

type ChipKey = 'subsidy' | 'soon' | 'online' | 'near'
const CHIPS: { key: ChipKey; label: string }[] = [
  { key: 'subsidy', label: '可申请补贴' },
  { key: 'soon', label: '30天内开课' },
  { key: 'online', label: '线上课程' },
  { key: 'near', label: '离我最近' },
]

export default function TrainingCataloguePage() {
  const { filter, setFilter } = useCourseFilterStore()
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useCourseListStore, {
    deps: [filter],
  })
  const [keyword, setKeyword] = useState(filter.keyword ?? '')
  const [locating, setLocating] = useState(false)

  const isOn = (k: ChipKey) =>
    k === 'subsidy'
      ? filter.hasSubsidy === true
      : k === 'soon'
        ? filter.startsWithinDays === 30
        : k === 'online'
          ? filter.mode === 'online'
          : !!filter.near

  const toggle = async (k: ChipKey) => {
    const on = !isOn(k)
    if (k === 'subsidy') setFilter({ hasSubsidy: on ? true : undefined })
    if (k === 'soon') setFilter({ startsWithinDays: on ? 30 : undefined })
    if (k === 'online') setFilter({ mode: on ? 'online' : undefined, near: undefined })
    if (k === 'near') {
      if (!on) return setFilter({ near: undefined })
      setLocating(true)
      try {
        const loc = await Taro.getLocation({ type: 'gcj02' })
        setFilter({ near: { lat: loc.latitude, lng: loc.longitude, radiusKm: 50 }, mode: undefined })
      } catch {
        void Taro.showToast({ title: '无法获取位置，请在设置中允许定位', icon: 'none' })
      } finally {
        setLocating(false)
      }
    }
  }

  const open = (id: string) =>
    void Taro.navigateTo({ url: `/packages/training/detail/index?id=${encodeURIComponent(id)}` })

  return (
    <PageShell>
      <View className='zj-tr-bar'>
        <Input
          className='zj-tr-search'
          value={keyword}
          placeholder='搜索课程，如：育婴员、电工'
          confirmType='search'
          aria-label='搜索培训课程'
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => setFilter({ keyword: keyword.trim() || undefined })}
        />
      </View>
      <View className='zj-chips zj-tr-chips' role='group' aria-label='筛选'>
        {CHIPS.map((c) => (
          <Chip
            key={c.key}
            role='checkbox'
            label={c.label}
            text={`${isOn(c.key) ? '✓ ' : ''}${c.key === 'near' && locating ? '定位中…' : c.label}`}
            on={isOn(c.key)}
            onTap={() => void toggle(c.key)}
          />
        ))}
      </View>
      <View className='zj-tr-actions'>
        <ZjButton
          size='small'
          ariaLabel='我的报名'
          onClick={() => void Taro.navigateTo({ url: '/packages/training/mine/index' })}
        >
          我的报名
        </ZjButton>
        <ZjButton
          size='small'
          ariaLabel='我的培训记录'
          onClick={() => void Taro.navigateTo({ url: '/packages/training/records/index' })}
        >
          我的培训记录
        </ZjButton>
      </View>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='没有符合条件的课程，换个条件试试'
        onRetry={() => void refresh()}
      >
        <View data-testid='course-list'>
          {items.map((c) => (
            <CourseCard key={c.id} course={c} onOpen={open} />
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
