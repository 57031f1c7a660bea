/** Builds the stored posting from staff input: derived fields (tokens, monthly salary, ancestors, city). */
import { AppError } from '../../../shared/errors'
import { findOccupation, occupationAncestors } from '../../../shared/occupations/occupations'
import { toMonthly } from '../../../shared/job/salary'
import { cityName } from '../../../shared/job/regions'
import type { JobDoc } from '../../../shared/job/types'
import { searchKeysOf } from '../../../shared/job/searchKeys'
import { cityCodeOf } from '../../../shared/job/regions'
import { tokensForPosting } from '../tokenizer'
import { encryptField, phoneHash } from '../../_core/pii'
import { maskPhone } from '../../../shared/mask'

export type PostingCore = Pick<
  JobDoc,
  | 'title'
  | 'occupationCode'
  | 'employerName'
  | 'skills'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryUnit'
  | 'lat'
  | 'lng'
  | 'districtCode'
  | 'cityCode'
  | 'postedAtMs'
>

/** The fields that follow from the others; recomputed on every post and update. */
export function derivedFields(
  p: PostingCore,
): Pick<
  JobDoc,
  | 'occupationName'
  | 'occupationAncestors'
  | 'salaryMonthlyMin'
  | 'salaryMonthlyMax'
  | 'location'
  | 'tokens'
  | 'titleTokens'
  | 'cityName'
  | 'searchKeys'
> {
  const occ = findOccupation(p.occupationCode)
  if (!occ)
    throw new AppError('VALIDATION_FAILED', 'occupationCode：未知的职业代码', {
      fields: [{ path: 'occupationCode', message: '未知的职业代码' }],
    })
  const { tokens, titleTokens } = tokensForPosting({
    title: p.title,
    occupationName: occ.name,
    occupationAliases: occ.aliases,
    employerName: p.employerName,
    skills: p.skills,
  })
  const occupationAncestorsList = occupationAncestors(occ.code)
  const cityCode = p.cityCode || cityCodeOf(p.districtCode)
  const salaryMonthlyMax = toMonthly(p.salaryMax, p.salaryUnit)
  return {
    searchKeys: searchKeysOf({
      tokens,
      titleTokens,
      cityCode,
      districtCode: p.districtCode,
      occupationAncestors: occupationAncestorsList,
      postedAtMs: p.postedAtMs,
      salaryMonthlyMax,
      lat: p.lat,
      lng: p.lng,
    }),
    occupationName: occ.name,
    occupationAncestors: occupationAncestorsList,
    salaryMonthlyMin: toMonthly(p.salaryMin, p.salaryUnit),
    salaryMonthlyMax,
    location: { type: 'Point', coordinates: [p.lng, p.lat] },
    tokens,
    titleTokens,
    cityName: cityName(p.cityCode),
  }
}

/**
 * A posting's contact phone as stored: shown masked everywhere (`contactPhone`), the number sealed at rest
 * (`contactPhoneEnc`, ADR 0009) and its hash to tell a changed number (`contactPhoneHash`). One rule for staff
 * posts and edits, file imports and the seed.
 */
export function sealedContactPhone(
  phone: string,
): Pick<JobDoc, 'contactPhone' | 'contactPhoneEnc' | 'contactPhoneHash'> {
  return { contactPhone: maskPhone(phone), contactPhoneEnc: encryptField(phone), contactPhoneHash: phoneHash(phone) }
}
