/** 政策申领：创业担保贷款 (questions from its rule's facts and the fields below; materials from the policy document). */
import { startupGuaranteedLoan } from '../../policies/startupGuaranteedLoan.policy'
import { policyKind } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const startupGuaranteedLoanKind = policyKind(startupGuaranteedLoan, {
  extra: [
    { key: 'businessName', content: 'freeText', label: '经营主体名称', type: 'text', required: true },
    {
      key: 'creditCode',
      content: 'personal',
      pattern: ANSWER_PATTERNS.creditCode,
      label: '统一社会信用代码',
      type: 'text',
      required: true,
      hint: '营业执照上的18位代码',
    },
    {
      key: 'loanAmount',
      content: 'structured',
      label: '申请贷款金额（元）',
      type: 'number',
      required: true,
      hint: '个人最高20万元，以经办银行核定为准',
    },
    {
      key: 'loanMonths',
      content: 'structured',
      label: '贷款期限（月）',
      type: 'number',
      required: true,
      hint: '最长36个月',
    },
    {
      key: 'guarantorName',
      content: 'personal',
      pattern: ANSWER_PATTERNS.personName,
      label: '反担保人姓名',
      type: 'text',
      required: false,
      hint: '担保机构要求时填写',
    },
    { key: 'guarantorRelation', content: 'freeText', label: '反担保人与本人关系', type: 'text', required: false },
    { key: 'loanPurpose', content: 'freeText', label: '贷款用途', type: 'text', required: true },
  ],
})
