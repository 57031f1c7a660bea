/**
 * 节假日日历 (staff; admins edit): the year's holidays and make-up working days that every working-day deadline
 * counts with. 2004–2026 come from the chinese-days package (read-only); a later year is entered here from the
 * State Council notice. Until then deadlines in that year count Monday–Friday, and the page says so.
 */
import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { CalendarDay } from '@shared/calendar/holidayCalendar'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Chip } from '@/components/Chip'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { useHolidayStore } from '@/stores/assistant.store'
import { useUserStore } from '@/stores/user.store'
import '@/modules/assistant/assistant.scss'
import { cstWallClock } from '@shared/calendar/chinaTime'

const thisYear = () => cstWallClock(Date.now()).getUTCFullYear()

export default function HolidayCalendarPage() {
  const { year: data, status, error, saving, load, save } = useHolidayStore()
  const isAdmin = useUserStore((s) => s.roles.includes('admin'))
  const [year, setYear] = useState(thisYear() + 1)
  const [draft, setDraft] = useState<CalendarDay[]>([])
  const [date, setDate] = useState('')
  const [name, setName] = useState('')
  const [kind, setKind] = useState<CalendarDay['kind']>('holiday')
  const [msg, setMsg] = useState<string | null>(null)

  useEffect(() => {
    void load(year)
  }, [year, load])
  useEffect(() => {
    setDraft(data?.days ?? [])
  }, [data])

  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return setMsg('日期格式应为 YYYY-MM-DD，例如 2027-01-01')
    if (!name.trim()) return setMsg('请填写节日名称')
    setMsg(null)
    setDraft((d) => [...d, { date: date.trim(), kind, name: name.trim() }].sort((a, b) => (a.date < b.date ? -1 : 1)))
    setDate('')
  }
  const submit = async () => {
    const res = await save(year, draft)
    setMsg(res.ok ? '已保存，新的办理期限按此计算' : res.error.message)
  }

  return (
    <PageShell>
      <View className='zj-as-block'>
        <View className='zj-as-actions' style={{ alignItems: 'center' }}>
          <ZjButton size='small' ariaLabel='上一年' onClick={() => setYear(year - 1)}>
            ‹ 上一年
          </ZjButton>
          <Text className='zj-as-block__title' data-testid='holiday-year'>{`${year}年`}</Text>
          <ZjButton size='small' ariaLabel='下一年' onClick={() => setYear(year + 1)}>
            下一年 ›
          </ZjButton>
        </View>
      </View>
      <PageState status={status} error={error} onRetry={() => void load(year)}>
        {data && (
          <View>
            {data.warning && (
              <View role='alert' data-testid='holiday-warning'>
                <Text className='zj-as-warning'>{data.warning}</Text>
              </View>
            )}
            {data.yearWarning && <Text className='zj-as-warning'>{data.yearWarning}</Text>}
            <View className='zj-as-block'>
              <Text className='zj-muted'>{`来源：${data.sourceNote} · 放假${data.holidays}天 · 调休上班${data.workdays}天${data.enteredAt ? ` · 录入于 ${data.enteredAt.slice(0, 10)}` : ''}`}</Text>
              {draft.length === 0 && <Text className='zj-muted'>还没有录入这一年的安排</Text>}
              {draft.map((d, i) => (
                <View key={`${d.date}-${i}`} className='zj-as-day'>
                  <Text>{d.date}</Text>
                  <Text>{d.name}</Text>
                  <Tag tone={d.kind === 'holiday' ? 'success' : 'warning'}>
                    {d.kind === 'holiday' ? '放假' : '调休上班'}
                  </Tag>
                  {data.editable && isAdmin && (
                    <ZjButton
                      size='small'
                      ariaLabel={`删除${d.date}`}
                      onClick={() => setDraft(draft.filter((_x, j) => j !== i))}
                    >
                      删除
                    </ZjButton>
                  )}
                </View>
              ))}
            </View>
            {data.editable && isAdmin && (
              <View className='zj-as-block' data-testid='holiday-editor'>
                <Text className='zj-as-block__title'>录入（依据国务院办公厅当年的节假日安排通知）</Text>
                <Input
                  className='zj-as-field'
                  value={date}
                  placeholder={`${year}-01-01`}
                  aria-label='日期'
                  onInput={(e) => setDate(e.detail.value)}
                />
                <Input
                  className='zj-as-field'
                  value={name}
                  placeholder='节日名称，如 元旦'
                  aria-label='节日名称'
                  onInput={(e) => setName(e.detail.value)}
                />
                <View className='zj-chips' role='radiogroup' aria-label='类型'>
                  <Chip label='放假' on={kind === 'holiday'} onTap={() => setKind('holiday')} mark />
                  <Chip label='调休上班' on={kind === 'workday'} onTap={() => setKind('workday')} mark />
                </View>
                <View className='zj-as-actions'>
                  <ZjButton ariaLabel='加入这一天' onClick={add}>
                    加入这一天
                  </ZjButton>
                  <ZjButton
                    kind='primary'
                    ariaLabel='保存这一年的安排'
                    loading={saving}
                    disabled={draft.length === 0}
                    onClick={() => void submit()}
                  >
                    保存
                  </ZjButton>
                </View>
              </View>
            )}
            {!data.editable && (
              <Text className='zj-as-intro'>
                这一年的安排来自 chinese-days 数据包（国务院办公厅公布的安排），不能修改。
              </Text>
            )}
            {msg && (
              <View role='status'>
                <Text className='zj-as-intro'>{msg}</Text>
              </View>
            )}
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
