/**
 * The one content-check rule where free text enters: an action declares in the registry (`contentCheck`) the
 * input paths of the free texts that staff or other people will read; the wrapper sends them to WeChat's
 * msgSecCheck (v2) before the use case runs. Risky → CONTENT_REJECTED naming the fields; the check unavailable →
 * UPSTREAM_UNAVAILABLE (nothing is stored unchecked; the client retries). Texts a use case checks itself with a
 * hold-and-recheck path (feedback content, visit notes) are left to it.
 */
import { AppError } from '../../shared/errors'
import { wechat } from './wechat/client'

/** msgSecCheck takes at most 2500 characters per call. */
const MAX_CHARS = 2500

/** The non-empty strings at `path` (dot-separated; `*` = every element of an array or value of an object). */
export function textsAt(input: unknown, path: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  const walk = (v: unknown, rest: string[], at: string) => {
    if (v === null || v === undefined) return
    if (rest.length === 0) {
      if (typeof v === 'string' && v.trim()) out.push({ path: at, text: v })
      else if (Array.isArray(v))
        v.forEach((x, i) => typeof x === 'string' && x.trim() && out.push({ path: `${at}.${i}`, text: x }))
      return
    }
    const [head, ...tail] = rest
    if (head === '*') {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, tail, `${at}.${i}`))
      else if (typeof v === 'object')
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, tail, `${at}.${k}`)
      return
    }
    if (typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, head))
      walk((v as Record<string, unknown>)[head], tail, at ? `${at}.${head}` : head)
  }
  walk(input, path.split('.'), '')
  return out.map((t) => ({ ...t, path: t.path.replace(/^\./, '') }))
}

/** Checks every declared free text of `input` for `openid`; throws CONTENT_REJECTED or UPSTREAM_UNAVAILABLE. */
export async function checkDeclaredTexts(input: unknown, paths: readonly string[], openid: string): Promise<void> {
  await checkTexts(
    paths.flatMap((p) => textsAt(input, p)),
    openid,
  )
}

/**
 * The rule itself, for texts whose paths depend on stored data (an application form's free-text answers: which
 * answers are free text is the kind's, cloudfunctions/application/helpers/answerRule.ts). `messageOf` names the
 * refused texts in the error's message (default: the generic CONTENT_REJECTED message).
 */
export async function checkTexts(
  texts: { path: string; text: string }[],
  openid: string,
  messageOf?: (riskyPaths: string[]) => string,
): Promise<void> {
  if (!texts.length) return
  // one call per ≤ 2500 characters, texts kept whole where they fit
  const batches: { paths: string[]; content: string }[] = []
  for (const t of texts) {
    const last = batches[batches.length - 1]
    if (last && last.content.length + 1 + t.text.length <= MAX_CHARS) {
      last.paths.push(t.path)
      last.content += '\n' + t.text
    } else {
      for (let i = 0; i < t.text.length; i += MAX_CHARS)
        batches.push({ paths: [t.path], content: t.text.slice(i, i + MAX_CHARS) })
    }
  }
  const pass = async (content: string): Promise<boolean> => {
    try {
      return (await wechat().msgSecCheck({ content, openid, scene: 2 })).suggest === 'pass'
    } catch {
      throw new AppError('UPSTREAM_UNAVAILABLE', '内容安全检测暂时不可用，请稍后再提交')
    }
  }
  const risky: string[] = []
  for (const b of batches) {
    if (await pass(b.content)) continue
    if (b.paths.length === 1) risky.push(b.paths[0])
    // a risky batch of several texts: name the ones that are
    else for (const t of texts.filter((x) => b.paths.includes(x.path))) if (!(await pass(t.text))) risky.push(t.path)
  }
  if (risky.length) {
    throw new AppError('CONTENT_REJECTED', messageOf?.(risky), {
      stage: 'content',
      fields: risky.map((path) => ({ path, message: '内容未通过安全审核' })),
    })
  }
}
