/**
 * The shapes of the typed values on application forms (answers that are not free text and so are never sent to
 * WeChat's content check): a value of such a question must look like the value, so that prose cannot pass the
 * check by being typed into it. Pure.
 */
import type { AnswerPattern } from './types'

const NAME = '[\\p{Script=Han}A-Za-z·•．.\\s]{1,30}'

export const ANSWER_PATTERNS = {
  /** 姓名: Han characters or Latin letters, with the middle dot of minority and foreign names. */
  personName: { re: new RegExp(`^${NAME}$`, 'u'), message: '请填写姓名（汉字或字母）' },
  /** Several names separated by 、 or commas. */
  personNames: {
    re: new RegExp(`^${NAME}(?:[、,，;；]\\s*${NAME})*$`, 'u'),
    message: '请填写姓名（汉字或字母），多人以顿号分隔',
  },
  /** 统一社会信用代码 (GB 32100-2015): 18 characters of digits and capital letters without I, O, Z, S, V. */
  creditCode: { re: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: '统一社会信用代码应为18位数字或大写字母' },
  /** 银行账号 / 社会保障卡金融账户: digits, spaces or dashes allowed between them. */
  bankAccount: { re: /^\d(?:[\s-]?\d){7,31}$/, message: '银行账号应为8至32位数字' },
  /** 证书编号: letters and digits, with dashes, slashes or brackets. */
  certificateNo: {
    re: /^[A-Za-z0-9][A-Za-z0-9\-/()（）〔〕[\]]{2,39}$/,
    message: '证书编号应为3至40位字母或数字',
  },
  /** A six-digit GB/T 2260 region code. */
  regionCode: { re: /^\d{6}$/, message: '请填写6位地区代码' },
} satisfies Record<string, AnswerPattern>
