/**
 * Training catalogue seed: ≥ 200 courses from technical schools and training centres across Shandong's
 * districts (real GB/T 2260 codes from the base seed), offline and online, with sessions, seats and deadlines.
 */
import type { ModuleSeed } from './types'
import { cstStartOfDayMs, toIsoCst } from '../../shared/calendar/chinaTime'

/** Common subsidised vocational trainings (names as used in Shandong's training catalogues). */
const COURSES: {
  name: string
  code: string
  cert: 'skillLevel' | 'specialAbility' | 'trainingCertificate'
  hours: number
}[] = [
  { name: '育婴员', code: 'L-TR-001', cert: 'skillLevel', hours: 80 },
  { name: '保育师', code: 'L-TR-002', cert: 'skillLevel', hours: 80 },
  { name: '养老护理员', code: 'L-TR-003', cert: 'skillLevel', hours: 100 },
  { name: '家政服务员', code: 'L-TR-004', cert: 'skillLevel', hours: 60 },
  { name: '中式烹调师', code: 'L-TR-005', cert: 'skillLevel', hours: 120 },
  { name: '中式面点师', code: 'L-TR-006', cert: 'skillLevel', hours: 100 },
  { name: '电工', code: 'L-TR-007', cert: 'skillLevel', hours: 120 },
  { name: '焊工', code: 'L-TR-008', cert: 'skillLevel', hours: 160 },
  { name: '叉车司机', code: 'L-TR-009', cert: 'specialAbility', hours: 40 },
  { name: '电子商务师', code: 'L-TR-010', cert: 'skillLevel', hours: 80 },
  { name: '互联网营销师（直播销售员）', code: 'L-TR-011', cert: 'skillLevel', hours: 64 },
  { name: '美容师', code: 'L-TR-012', cert: 'skillLevel', hours: 100 },
  { name: '美发师', code: 'L-TR-013', cert: 'skillLevel', hours: 100 },
  { name: '茶艺师', code: 'L-TR-014', cert: 'skillLevel', hours: 60 },
  { name: '农业经理人', code: 'L-TR-015', cert: 'trainingCertificate', hours: 48 },
  { name: '数控车工', code: 'L-TR-016', cert: 'skillLevel', hours: 160 },
  { name: '汽车维修工', code: 'L-TR-017', cert: 'skillLevel', hours: 160 },
  { name: '健康照护师', code: 'L-TR-018', cert: 'skillLevel', hours: 80 },
  { name: '保安员', code: 'L-TR-019', cert: 'skillLevel', hours: 40 },
  { name: '创业培训（GYB/SYB）', code: 'L-TR-020', cert: 'trainingCertificate', hours: 56 },
  { name: '网约配送员', code: 'L-TR-021', cert: 'specialAbility', hours: 24 },
  { name: '计算机操作员', code: 'L-TR-022', cert: 'specialAbility', hours: 60 },
]
const LEVELS = ['junior', 'intermediate', 'senior'] as const
const LEVEL_TEXT = { junior: '初级', intermediate: '中级', senior: '高级' }
const PROVIDER_KINDS = ['职业技能培训中心', '技工学校', '公共实训基地', '职业培训学校']
const DAY = 86400_000
/** Midnight (China time) of the day containing `ms`, as epoch ms. */
const dayStartCst = cstStartOfDayMs

const seed: ModuleSeed = async (writer, options, context) => {
  const { random, districts } = context
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
  const now = options.now.getTime()
  const docs: Record<string, unknown>[] = []
  const total = Math.max(220, Math.min(2000, Math.round(options.persons / 10)))
  for (let i = 0; i < total; i++) {
    // the first courses sit in 历下区 (the demo resident's district) so the demo has nearby training
    const d = i < 6 ? (districts.find((x) => x.code === '370102') ?? districts[0]) : pick(districts)
    const c = i < 6 ? COURSES[i] : pick(COURSES)
    const level = c.cert === 'skillLevel' ? pick(LEVELS) : 'junior'
    const online = c.cert !== 'skillLevel' && random() < 0.4
    // classes start at 09:00 China time on a day 2–81 days ahead, and run until 17:00
    const startMs = dayStartCst(now + (2 + Math.floor(random() * 80)) * DAY) + 9 * 3600_000
    const days = Math.max(3, Math.round(c.hours / 8))
    const sessions = Array.from({ length: Math.min(days, 20) }, (_v, k) => {
      const s = startMs + k * DAY
      return { startAt: toIsoCst(s), endAt: toIsoCst(s + 8 * 3600_000), startAtMs: s, topic: `第${k + 1}天` }
    })
    const capacity = pick([20, 30, 40, 50, 60])
    const confirmed = Math.floor(random() * capacity * 0.8)
    const deadline = startMs - DAY
    const jitter = () => (random() - 0.5) * 0.06
    docs.push({
      _id: `course_${String(i + 1).padStart(4, '0')}`,
      title: `${c.name}${c.cert === 'skillLevel' ? `（${LEVEL_TEXT[level]}）` : ''}${online ? '线上班' : '培训班'}`,
      providerName: `${d.cityName}${pick(PROVIDER_KINDS)}`,
      occupationCode: c.code,
      occupationName: c.name,
      level,
      mode: online ? 'online' : 'offline',
      regionCode: d.code,
      cityCode: d.cityCode,
      address: online ? '' : `${d.cityName}${d.name}职业技能实训楼${1 + Math.floor(random() * 5)}层`,
      lat: online ? null : Math.round((d.lat + jitter()) * 1e6) / 1e6,
      lng: online ? null : Math.round((d.lng + jitter()) * 1e6) / 1e6,
      capacity,
      confirmedCount: confirmed,
      waitlistCount: 0,
      fee: c.hours * 20,
      subsidyPolicyId: 'vocational-training-subsidy',
      subsidyAmount: level === 'senior' ? 2000 : level === 'intermediate' ? 1500 : 1000,
      certificateType: c.cert,
      startAt: toIsoCst(startMs),
      startAtMs: startMs,
      endAt: sessions[sessions.length - 1].endAt,
      sessions,
      sessionStartsMs: sessions.map((s) => s.startAtMs),
      signupDeadline: toIsoCst(deadline),
      signupDeadlineMs: deadline,
      status: 'open',
      createdAt: toIsoCst(now - 10 * DAY),
    })
  }
  await writer.insertMany('courses', docs)
}

export default seed
