/**
 * Search tokens. Postings store index-time tokens (`tokens`, `titleTokens`); queries are tokenised the same
 * way. The segmenter is injected (the function uses @node-rs/jieba `cutForSearch`, with a character-bigram
 * fallback), so this file stays pure.
 */
export type Segmenter = (text: string) => string[]

const CJK = /[\u3400-\u9fff]/
const CJK_RUN = /[\u3400-\u9fff]+/g
const ALNUM_RUN = /[a-z0-9][a-z0-9+#.]*/g

/** Words that carry no meaning in a job query or title ("招聘焊工" = "焊工"). */
export const STOPWORDS = new Set([
  '招聘',
  '急招',
  '诚聘',
  '高薪',
  '招',
  '聘',
  '直招',
  '长期',
  '岗位',
  '工作',
  '职位',
  '找',
  '求职',
  '附近',
  '的',
  '了',
  '和',
  '与',
  '及',
  '我',
  '要',
  '想',
  '有',
  '没有',
  '在',
  '包',
  '吃',
  '住',
  '包吃住',
  '五险',
  '一金',
  '五险一金',
  '双休',
  '人员',
  '师傅',
  '熟练',
  '若干',
  '名',
  '一名',
  '多名',
  '月薪',
  '日结',
  '周结',
  '现招',
  '本地',
  '市',
  '区',
  '县',
  '省',
  '山东',
  '山东省',
  '包吃',
  '吃住',
  '有限公司',
  '有限',
  '公司',
  '限公',
  '有限责任',
  '责任',
  '责任公司',
  '任公',
  '股份',
  '集团',
  '分公司',
  '工资',
  '待遇',
  '优厚',
])

/** Lower-cases, turns full-width ASCII to half-width, collapses spaces. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .trim()
}

const keep = (t: string): boolean => {
  if (!t || STOPWORDS.has(t)) return false
  if (CJK.test(t)) return Array.from(t).length >= 2
  return /^[a-z0-9][a-z0-9+#.]*$/.test(t)
}

/** Character bigrams of each CJK run: 氩弧焊工 → 氩弧, 弧焊, 焊工. The dependency-free segmenter. */
export function bigrams(text: string): string[] {
  const out: string[] = []
  for (const run of normalizeText(text).match(CJK_RUN) ?? []) {
    const chars = Array.from(run)
    if (chars.length === 1) out.push(run)
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
  }
  for (const w of normalizeText(text).match(ALNUM_RUN) ?? []) out.push(w)
  return out
}

export const bigramSegmenter: Segmenter = (text) => bigrams(text)

/**
 * Tokens of one text: segmenter words plus the bigrams of long words. With `dense` (short texts such as a
 * title) every bigram of every CJK run is added too, so 氩弧焊工 (jieba: 氩弧焊 / 工) also answers 焊工.
 */
export function textTokens(segment: Segmenter, text: string, dense = false): string[] {
  const norm = normalizeText(text)
  if (!norm) return []
  const out = new Set<string>()
  for (const raw of segment(norm)) {
    const w = raw.trim()
    if (!w) continue
    if (keep(w)) out.add(w)
    if (CJK.test(w) && Array.from(w).length >= 3) for (const b of bigrams(w)) if (keep(b)) out.add(b)
  }
  for (const w of norm.match(ALNUM_RUN) ?? []) if (keep(w)) out.add(w)
  if (dense) for (const b of bigrams(norm)) if (keep(b)) out.add(b)
  return [...out]
}

export interface IndexFields {
  title: string
  occupationName: string
  occupationAliases?: string[]
  employerName: string
  skills?: string[]
}

/** The tokens stored on a posting: `titleTokens` (title only) and `tokens` (title, occupation, employer, skills). */
export function indexTokens(segment: Segmenter, f: IndexFields): { tokens: string[]; titleTokens: string[] } {
  const titleTokens = textTokens(segment, f.title, true)
  const all = new Set(titleTokens)
  for (const text of [f.occupationName, ...(f.occupationAliases ?? []), ...(f.skills ?? [])]) {
    for (const t of textTokens(segment, text, true)) all.add(t)
  }
  {
    for (const t of textTokens(segment, f.employerName)) all.add(t)
  }
  return { tokens: [...all].sort(), titleTokens: titleTokens.sort() }
}

export interface QueryTokens {
  /** Every meaningful word must match (AND): the "whole words" of the query. */
  all: string[]
  /** Any of these may match (OR): sub-words and bigrams, for partial matches ranked lower. */
  any: string[]
}

/**
 * Query tokens. `whole` segments without search granularity (jieba `cut`), `fine` with it (`cutForSearch`);
 * with only one segmenter pass the same function twice.
 */
export function queryTokens(whole: Segmenter, fine: Segmenter, text: string): QueryTokens {
  const norm = normalizeText(text)
  const all = new Set<string>()
  for (const w of whole(norm)) {
    const t = w.trim()
    if (keep(t)) all.add(t)
  }
  for (const w of norm.match(ALNUM_RUN) ?? []) if (keep(w)) all.add(w)
  const any = new Set<string>(all)
  for (const t of textTokens(fine, norm)) any.add(t)
  // A query of single characters ("焊") has no indexable word: fall back to its bigrams (none) → empty.
  return { all: [...all], any: [...any] }
}
