/** 失业登记: a resident of working age without a job asks to be registered unemployed at their place of residence. */
import type { ApplicationKind } from '../types'
import { questionOfFact } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const unemploymentRegistration: ApplicationKind = {
  kind: 'unemploymentRegistration',
  title: '失业登记',
  summary:
    '法定劳动年龄内、有劳动能力和就业要求、处于无业状态的人员，可在常住地办理失业登记，享受公共就业服务和就业扶持政策。',
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
    questionOfFact('birthDate'),
    questionOfFact('residenceRegion'),
    questionOfFact('education'),
    {
      key: 'unemployedSince',
      content: 'structured',
      label: '失业日期',
      type: 'date',
      required: true,
      hint: '最后一份工作结束的日期；从未就业的填写毕业或开始求职的日期',
    },
    {
      key: 'unemploymentReason',
      content: 'structured',
      label: '失业原因',
      type: 'choice',
      required: true,
      options: [
        { value: 'contractEnded', label: '劳动合同期满终止' },
        { value: 'dismissed', label: '用人单位解除劳动合同' },
        { value: 'resigned', label: '本人辞职' },
        { value: 'businessClosed', label: '个体经营停业' },
        { value: 'neverEmployed', label: '毕业后未就业' },
        { value: 'other', label: '其他' },
      ],
    },
    questionOfFact('involuntarilyUnemployed'),
    {
      key: 'desiredJob',
      content: 'freeText',
      label: '求职意向',
      type: 'text',
      required: false,
      hint: '希望从事的工作，如：电工、育婴员',
    },
  ],
  materials: [
    { key: 'idCard', label: '身份证或社会保障卡', required: true },
    { key: 'separationProof', label: '解除或终止劳动关系证明（如有）', required: false },
  ],
  reviewWorkingDays: 5,
  correctionWorkingDays: 10,
  onApproval: 'registerUnemployed',
  source: '《就业服务与就业管理规定》（人力资源社会保障部，文号待核实）；山东省公共就业服务事项清单（文号待核实）',
}
