/**
 * 找工作: search box, sort, filter sheet (city, job type, pay, posting date), infinite scroll that renders only
 * the visible cards, empty and error states. Typing "济南 电焊工" works too: the backend parses places, 零工 and
 * pay out of the keyword and says what it understood (`interpreted`), shown as tags under the search box; the
 * sort chip shown on is the order the answer is in (the function decides the default).
 */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Input, ScrollView, Text, View } from '@tarojs/components'
import { SHANDONG_CITIES } from '@shared/job/regions'
import { JOB_TYPE_LABELS, type JobType } from '@shared/job/types'
import type { JobSearchInterpreted, JobSort } from '@shared/job/views'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { JobCard } from '@/modules/job/JobCard'
import { useVisibleWindow } from '@/hooks/useVisibleWindow'
import { useJobFilterStore, useJobListStore } from '@/stores/job.store'
import { useUiStore } from '@/stores/ui.store'
import type { JobSearchFilter } from '@/services/job.service'
import '@/modules/job/job.scss'

const SORTS: { key: JobSort; label: string }[] = [
  { key: 'relevance', label: '综合' },
  { key: 'newest', label: '最新' },
  { key: 'salary', label: '薪资最高' },
]
const JOB_TYPES: { key: JobType; label: string }[] = [
  { key: 'fullTime', label: '全职' },
  { key: 'partTime', label: '兼职' },
  { key: 'gig', label: '零工' },
]
const PAY: number[] = [3000, 5000, 8000]
const DAYS: number[] = [3, 7, 30]

/** The filters the function took out of the keyword, in words (济南市, 零工, 月薪不低于4350元). */
function understoodTags(i: JobSearchInterpreted): string[] {
  return [
    i.district?.name,
    i.city?.name,
    i.jobType ? JOB_TYPE_LABELS[i.jobType] : undefined,
    i.salaryMin !== null ? `月薪不低于${i.salaryMin}元` : undefined,
  ].filter((x): x is string => !!x)
}

function Chip({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <View
      className={`zj-job-chip ${on ? 'zj-job-chip--on' : ''}`}
      role='checkbox'
      aria-checked={on}
      aria-label={label}
      onClick={onClick}
    >
      <Text>
        {on ? '✓ ' : ''}
        {label}
      </Text>
    </View>
  )
}

/**
 * H5: the tab bar is inside the document, so the sheet sits on top of it (the build's CSS loses the
 * `var(--taro-tabbar-height)` of job.scss: measured bottom 0). Inline, the variable reaches the browser as written.
 * The weapp tab bar is outside the page: nothing to add there.
 */
const SHEET_STYLE =
  process.env.TARO_ENV === 'h5'
    ? {
        bottom: 'var(--taro-tabbar-height, 50px)',
        maxHeight: 'calc(100vh - var(--taro-tabbar-height, 50px) - 88px)',
      }
    : undefined

export default function JobsPage() {
  const { items, meta, status, error, nextCursor, loadingMore, refresh, loadMore } = useJobListStore()
  const { filter, setFilter, reset } = useJobFilterStore()
  const largeFont = useUiStore((s) => s.largeFont)
  const [keyword, setKeyword] = useState(filter.keyword ?? '')
  const [sheet, setSheet] = useState(false)
  const [draft, setDraft] = useState<JobSearchFilter>(filter)

  useEffect(() => {
    void refresh()
  }, [filter, refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  const win = useVisibleWindow(items.length, largeFont ? 312 : 252, 200)

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(id)}` })
  // the order the answer is in; before the first answer only a sort the resident picked
  const sort = meta?.sort ?? filter.sort
  // 综合 ranks by words: offered when the keyword has words left after the filters were taken out of it
  const hasWords = meta ? meta.interpreted.terms.length > 0 : !!filter.keyword
  const understood = meta ? understoodTags(meta.interpreted) : []
  const search = () => setFilter({ keyword: keyword || undefined, sort: undefined })
  const activeFilters = [filter.cityCode, filter.jobType, filter.salaryMin, filter.postedWithinDays].filter(
    (x) => x !== undefined,
  ).length

  const openSheet = () => {
    setDraft(filter)
    setSheet(true)
  }
  const applySheet = () => {
    setFilter({
      cityCode: draft.cityCode,
      jobType: draft.jobType,
      salaryMin: draft.salaryMin,
      postedWithinDays: draft.postedWithinDays,
    })
    setSheet(false)
  }

  return (
    <PageShell>
      <View className='zj-job-bar'>
        <View className='zj-job-bar__field'>
          <Input
            className='zj-job-search'
            value={keyword}
            placeholder='搜索岗位，如：济南 焊工、保姆、日结'
            confirmType='search'
            aria-label='搜索岗位'
            data-testid='job-search-input'
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={search}
          />
        </View>
        <ZjButton size='small' kind='primary' ariaLabel='搜索' onClick={search}>
          搜索
        </ZjButton>
      </View>
      {understood.length > 0 && (
        <View className='zj-job-tabs' data-testid='job-understood' aria-label={`已按${understood.join('、')}筛选`}>
          <Text>已按</Text>
          {understood.map((t) => (
            <Tag key={t} tone='primary'>
              {t}
            </Tag>
          ))}
          <Text>筛选</Text>
        </View>
      )}
      <View className='zj-job-tabs' role='group' aria-label='排序与筛选'>
        {SORTS.filter((s) => s.key !== 'relevance' || hasWords).map((s) => (
          <Chip key={s.key} on={sort === s.key} label={s.label} onClick={() => setFilter({ sort: s.key })} />
        ))}
        <Chip on={activeFilters > 0} label={activeFilters ? `筛选(${activeFilters})` : '筛选'} onClick={openSheet} />
      </View>
      <View className='zj-job-tabs'>
        <ZjButton
          size='small'
          ariaLabel='附近的岗位和服务站'
          onClick={() => void Taro.navigateTo({ url: '/packages/job/nearby/index' })}
        >
          附近
        </ZjButton>
        <ZjButton
          size='small'
          ariaLabel='我的投递'
          onClick={() => void Taro.navigateTo({ url: '/packages/job/applications/index' })}
        >
          我的投递
        </ZjButton>
        <ZjButton
          size='small'
          ariaLabel='我的收藏'
          onClick={() => void Taro.navigateTo({ url: '/packages/job/favorites/index' })}
        >
          收藏
        </ZjButton>
      </View>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText={
          filter.keyword || activeFilters ? '没有找到符合条件的岗位，换个关键词或减少筛选条件试试' : '暂无岗位'
        }
        onRetry={() => void refresh()}
      >
        <View className='jobs__list' data-testid='job-list'>
          <View className='zj-job-spacer' style={{ height: `${win.before}px` }} />
          {items.slice(win.first, win.last).map((job) => (
            <JobCard key={job.id} job={job} onOpen={open} />
          ))}
          <View className='zj-job-spacer' style={{ height: `${win.after}px` }} />
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>

      {sheet && (
        <>
          <View className='zj-job-sheet-mask' onClick={() => setSheet(false)} />
          <View
            className='zj-job-sheet'
            role='dialog'
            aria-label='筛选岗位'
            data-testid='job-filter-sheet'
            style={SHEET_STYLE}
          >
            <ScrollView scrollY className='zj-job-sheet__body' data-testid='job-filter-body'>
              <Text className='zj-job-sheet__title'>城市</Text>
              <View className='zj-job-tabs'>
                {SHANDONG_CITIES.map((c) => (
                  <Chip
                    key={c.code}
                    on={draft.cityCode === c.code}
                    label={c.short}
                    onClick={() => setDraft({ ...draft, cityCode: draft.cityCode === c.code ? undefined : c.code })}
                  />
                ))}
              </View>
              <Text className='zj-job-sheet__title'>用工类型</Text>
              <View className='zj-job-tabs'>
                {JOB_TYPES.map((t) => (
                  <Chip
                    key={t.key}
                    on={draft.jobType === t.key}
                    label={t.label}
                    onClick={() => setDraft({ ...draft, jobType: draft.jobType === t.key ? undefined : t.key })}
                  />
                ))}
              </View>
              <Text className='zj-job-sheet__title'>月薪不低于（日薪、时薪按月折算）</Text>
              <View className='zj-job-tabs'>
                {PAY.map((p) => (
                  <Chip
                    key={p}
                    on={draft.salaryMin === p}
                    label={`${p}元`}
                    onClick={() => setDraft({ ...draft, salaryMin: draft.salaryMin === p ? undefined : p })}
                  />
                ))}
              </View>
              <Text className='zj-job-sheet__title'>发布时间</Text>
              <View className='zj-job-tabs'>
                {DAYS.map((d) => (
                  <Chip
                    key={d}
                    on={draft.postedWithinDays === d}
                    label={`${d}天内`}
                    onClick={() =>
                      setDraft({ ...draft, postedWithinDays: draft.postedWithinDays === d ? undefined : d })
                    }
                  />
                ))}
              </View>
            </ScrollView>
            <View className='zj-job-sheet__actions'>
              <ZjButton
                ariaLabel='清空筛选'
                onClick={() => {
                  reset()
                  setKeyword('')
                  setSheet(false)
                }}
              >
                清空
              </ZjButton>
              <ZjButton kind='primary' block ariaLabel='查看结果' onClick={applySheet}>
                查看结果
              </ZjButton>
            </View>
          </View>
        </>
      )}
    </PageShell>
  )
}
