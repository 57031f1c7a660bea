/**
 * Query parsing: a resident types "济南 电焊工 日结 200以上" into one box. Place names, job-type words and a
 * salary figure become filters; the rest is the keyword to tokenise.
 */
import { SHANDONG_CITIES } from './regions'
import { toMonthly } from './salary'
import type { JobType } from './types'

export interface ParsedQuery {
  text: string
  cityCode?: string
  districtCode?: string
  jobType?: JobType
  /** Monthly-normalised minimum salary. */
  salaryMin?: number
}

export interface DistrictName {
  code: string
  name: string
}

const JOB_TYPE_WORDS: [RegExp, JobType][] = [
  [/零工|日结|临时工|短期工|小时工|钟点零活/, 'gig'],
  [/兼职/, 'partTime'],
  [/全职/, 'fullTime'],
]

/**
 * @param input the keyword as the shared schema gives it (already trimmed).
 * @param districts optional district names (e.g. 历下区) for districts of Shandong; short forms without the
 *   suffix (历下) are matched too when at least two characters remain.
 */
export function parseQuery(input: string, districts: readonly DistrictName[] = []): ParsedQuery {
  let text = input
  const out: ParsedQuery = { text: '' }

  for (const d of districts) {
    const short = d.name.replace(/(区|县|市)$/, '')
    const hit = text.includes(d.name)
      ? d.name
      : short.length >= 2 && text.includes(short) && !SHANDONG_CITIES.some((c) => c.short === short)
        ? short
        : null
    if (hit) {
      out.districtCode = d.code
      text = text.replace(hit, ' ')
      break
    }
  }
  for (const c of SHANDONG_CITIES) {
    const hit = text.includes(c.name) ? c.name : text.includes(c.short) ? c.short : null
    if (hit) {
      out.cityCode = c.code
      text = text.replace(hit, ' ')
      break
    }
  }
  for (const [re, type] of JOB_TYPE_WORDS) {
    if (re.test(text)) {
      // 日结 implies gig but the word itself is not a job title: drop it; 零工 stays a filter, not a word.
      out.jobType = type
      text = text.replace(re, ' ')
      break
    }
  }
  const salary = text.match(
    /(?<![A-Za-z0-9])(\d{2,6})(?![0-9])\s*(元)?\s*(?:\/|每)?\s*(月|天|日|小时)?\s*(?:以上|起|\+)?/,
  )
  if (salary && (salary[1].length >= 3 || salary[2] || salary[3])) {
    const n = Number(salary[1])
    const unit = salary[3]
    const perDay = unit === '天' || unit === '日' || (!unit && n < 1000)
    out.salaryMin = toMonthly(n, perDay ? 'day' : unit === '小时' ? 'hour' : 'month')
    text = text.replace(salary[0], ' ')
  }
  out.text = text.replace(/\s+/g, ' ').trim()
  return out
}
