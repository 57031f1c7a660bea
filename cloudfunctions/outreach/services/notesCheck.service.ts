/**
 * Content check of visit notes through WeChat's msgSecCheck v2 (shared client in cloudfunctions/_core/wechat;
 * the WeChat double locally treats any text containing 违规测试 as risky). `unavailable` (network, errcode -1,
 * fault) does not lose the visit: it is saved with notesCheck 'unchecked'. Behind an interface so tests can
 * swap it.
 */
import { wechat } from '../../_core/wechat/client'

export type NotesVerdict = 'pass' | 'risky' | 'unavailable'

export interface NotesChecker {
  check(input: { content: string; openid: string }): Promise<NotesVerdict>
}

const wechatNotesChecker: NotesChecker = {
  async check({ content, openid }) {
    try {
      const r = await wechat().msgSecCheck({ content, openid, scene: 1 })
      return r.suggest === 'pass' ? 'pass' : 'risky'
    } catch {
      return 'unavailable'
    }
  },
}

let current: NotesChecker = wechatNotesChecker
export const notesChecker = (): NotesChecker => current
/** Tests only: replace the checker (returns a restore function). */
export function setNotesChecker(c: NotesChecker): () => void {
  const prev = current
  current = c
  return () => {
    current = prev
  }
}
