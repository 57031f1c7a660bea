/** 就业登记: a person who found a job (or started a business / flexible work) records it on the register. */
import type { ApplicationKind } from '../types'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const employmentRegistration: ApplicationKind = {
  kind: 'employmentRegistration',
  title: '就业登记',
  summary: '实现就业（单位就业、灵活就业或自主创业）的人员办理就业登记，失业登记随之注销，就业信息记入本人就业档案。',
  questions: [
    {
      key: 'name',
      content: 'personal',
      pattern: ANSWER_PATTERNS.personName,
      label: '姓名',
      type: 'text',
      required: true,
      profile: 'name',
    },
    {
      key: 'employmentType',
      content: 'structured',
      label: '就业形式',
      type: 'choice',
      required: true,
      options: [
        { value: 'employed', label: '单位就业' },
        { value: 'flexible', label: '灵活就业' },
        { value: 'selfEmployed', label: '自主创业' },
      ],
    },
    { key: 'employedSince', content: 'structured', label: '就业日期', type: 'date', required: true },
    {
      key: 'employerName',
      content: 'freeText',
      label: '工作单位或经营主体名称',
      type: 'text',
      required: false,
      hint: '灵活就业可不填',
    },
    {
      key: 'creditCode',
      content: 'personal',
      pattern: ANSWER_PATTERNS.creditCode,
      label: '统一社会信用代码',
      type: 'text',
      required: false,
      hint: '单位就业或自主创业时填写（18位）',
    },
    { key: 'jobTitle', content: 'freeText', label: '从事工种', type: 'text', required: true },
  ],
  materials: [
    { key: 'idCard', label: '身份证或社会保障卡', required: true },
    { key: 'contract', label: '劳动合同、营业执照或其他就业证明', required: true },
  ],
  reviewWorkingDays: 5,
  correctionWorkingDays: 10,
  onApproval: 'registerEmployed',
  source: '《就业服务与就业管理规定》（人力资源社会保障部，文号待核实）',
}
