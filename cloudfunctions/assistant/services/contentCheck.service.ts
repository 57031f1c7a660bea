/**
 * The content check on questions: WeChat msgSecCheck (the double locally). A risky question is refused; when
 * the check cannot be made the question is still answered from our own library (nothing is published), and
 * its log entry is kept out of the staff's gaps list. Behind an interface so that tests can replace it.
 */
import { wechat } from '../../_core/wechat/client'

export type QuestionVerdict = 'pass' | 'risky' | 'unavailable'

export interface QuestionChecker {
  check(input: { content: string; openid: string }): Promise<QuestionVerdict>
}

export const wechatQuestionChecker: QuestionChecker = {
  async check({ content, openid }) {
    try {
      const r = await wechat().msgSecCheck({ content, openid, scene: 2 })
      return r.suggest === 'pass' ? 'pass' : 'risky'
    } catch {
      return 'unavailable'
    }
  },
}

let current: QuestionChecker = wechatQuestionChecker
export const questionChecker = (): QuestionChecker => current
/** Tests only: replace the checker (returns a restore function). */
export function setQuestionChecker(c: QuestionChecker): () => void {
  const prev = current
  current = c
  return () => {
    current = prev
  }
}
