/** Condition fragments several policies share (same wording everywhere). */
import type { Condition } from '../rules/types'

export const livesInShandong: Condition = {
  op: 'region',
  fact: 'residenceRegion',
  prefixes: ['37'],
  place: '山东省',
  code: 'residence',
}
export const hukouInShandong: Condition = {
  op: 'region',
  fact: 'hukouRegion',
  prefixes: ['37'],
  place: '山东省',
  code: 'hukou',
}
export const workingAge: Condition = {
  op: 'age',
  min: 16,
  max: 60,
  text: '在法定劳动年龄内（16至60周岁）',
  code: 'workingAge',
}
export const hasBusiness: Condition = {
  op: 'monthsSince',
  fact: 'businessRegisteredAt',
  min: 0,
  code: 'business',
  text: '已领取营业执照（个体工商户或小微企业）',
  hint: '办理营业执照后可申请',
}
export const registeredUnemployed: Condition = {
  op: 'is',
  fact: 'registeredUnemployed',
  code: 'registeredUnemployed',
  hint: '到户籍地或常住地的公共就业服务机构办理失业登记后可申请',
}
export const SOURCE_164 = {
  title: '就业补助资金管理办法',
  issuer: '财政部 人力资源社会保障部',
  docNumber: '财社〔2017〕164号',
}
export const SOURCE_GRADUATES_2022 = {
  title: '国务院办公厅关于进一步做好高校毕业生等青年就业创业工作的通知',
  issuer: '国务院办公厅',
  docNumber: '国办发〔2022〕13号',
}
export const TO_VERIFY = '文号待核实'

import type { Facts } from '../rules/types'
/** A fully known resident of 济南 (all facts given), for examples to override. */
export const aResident = (over: Facts = {}): Facts => ({
  birthDate: '1996-05-10',
  sex: 'male',
  hukouRegion: '370102',
  hukouType: 'urban',
  residenceRegion: '370102',
  education: 'bachelor',
  graduationYear: 2018,
  employmentStatus: 'employed',
  employmentStatusSince: '2019-03-01',
  registeredUnemployed: false,
  registeredUnemployedSince: null,
  keyGroups: [],
  socialInsuranceMonths: 80,
  unemploymentInsuranceMonths: 80,
  involuntarilyUnemployed: false,
  businessRegisteredAt: null,
  skillCertificateAt: null,
  trainingCompletedAt: null,
  lowIncomeFamily: false,
  worksOutsideProvince: false,
  employeesHired: 0,
  ...over,
})
/** The same without one or more facts (unknown). */
export const without = (f: Facts, ...keys: (keyof Facts)[]): Facts => {
  const c: Facts = { ...f }
  for (const k of keys) delete c[k]
  return c
}
