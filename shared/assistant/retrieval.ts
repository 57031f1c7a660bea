/**
 * Retrieval over the passages: tokens (jieba on the function side, injected as a Segmenter), everyday
 * synonyms, BM25 ranking, the best passages grouped by what they belong to (a policy, a guide, an FAQ
 * entry), and a confidence in 0–1 from how much of the question the best answer covers. Pure.
 */
import type { Passage, PassageSection } from './passages'
import { SYNONYMS } from './synonyms'

export type Segmenter = (text: string) => string[]

/** Words that carry no topic: question words, pronouns, politeness, people of the family. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '什么',
  '怎么',
  '怎么样',
  '怎样',
  '如何',
  '哪些',
  '哪个',
  '哪里',
  '多少',
  '多久',
  '几个',
  '是否',
  '是不是',
  '能不能',
  '可不可以',
  '有没有',
  '可以',
  '能够',
  '需要',
  '还是',
  '或者',
  '以及',
  '还有',
  '一下',
  '一个',
  '这个',
  '那个',
  '这种',
  '那种',
  '现在',
  '今年',
  '去年',
  '明年',
  '时候',
  '我们',
  '你们',
  '他们',
  '自己',
  '本人',
  '请问',
  '你好',
  '您好',
  '谢谢',
  '麻烦',
  '问下',
  '问问',
  '想问',
  '咨询',
  '知道',
  '告诉',
  '了解',
  '就是',
  '但是',
  '因为',
  '所以',
  '如果',
  '的话',
  '没有',
  '不是',
  '已经',
  '一直',
  '还能',
  '可能',
  '应该',
  '一般',
  '之前',
  '之后',
  '以后',
  '然后',
  '儿子',
  '女儿',
  '孩子',
  '老公',
  '老婆',
  '妻子',
  '丈夫',
  '爸爸',
  '妈妈',
  '父母',
  '家里',
  '亲戚',
  '朋友',
  '邻居',
  '办法',
  '情况',
  '问题',
  '东西',
  '事情',
  '有关',
  '相关',
  '方面',
  '具体',
  '一些',
  '有点',
  '那么',
  '这么',
  '多长',
  '时间',
  '能否',
  '干嘛',
  '干啥',
  '上面',
  '里面',
  '这里',
  '那里',
  '回事',
  '怎么回事',
  '有人',
  '别人',
  '不能',
  '不到',
  '一点',
  '真的',
  '是真的',
  '行不行',
  '管不管',
  '给不给',
  '能给',
  '要不要',
  '多大',
  '老是',
  '总是',
  '一样',
  '之类',
  '那种',
  '听说',
  '说是',
  '有个',
  '这样',
  '那样',
  '怎么弄',
  '不管',
  '实在',
  '做点',
  '符不',
  '符不符合',
  '怎么办',
  '什么时候',
  '带什么',
  '带啥',
  '多少钱',
  '要带',
  '准备',
  '一年',
  '两年',
  '几年',
])

const TOKEN_RE = /^(?:[\u4e00-\u9fa5]{2,}|[a-z0-9]{2,})$/i

/** Two-character pieces that start with a pronoun are segmentation slips of spoken questions (我领, 我想). */
const PRONOUN_SLIP = /^[我你他她][\u4e00-\u9fa5]$/

export function contentTokens(seg: Segmenter, text: string): string[] {
  return seg(text.toLowerCase())
    .map((t) => t.trim())
    .filter((t) => TOKEN_RE.test(t) && !STOPWORDS.has(t) && !PRONOUN_SLIP.test(t))
}

export interface IndexedPassage extends Passage {
  /** term → count */
  tf: Record<string, number>
  len: number
}

export interface PassageIndexData {
  version: 1
  /** A hash of the passages' text: the build script's --check compares it. */
  sourceHash: string
  passages: IndexedPassage[]
}

export function indexPassage(seg: Segmenter, p: Passage): IndexedPassage {
  const toks = [...contentTokens(seg, p.title), ...contentTokens(seg, p.text)]
  const tf: Record<string, number> = {}
  for (const t of toks) tf[t] = (tf[t] ?? 0) + 1
  return { ...p, tf, len: toks.length }
}

export class Bm25 {
  readonly df = new Map<string, number>()
  readonly avgdl: number
  readonly n: number
  private readonly k1 = 1.2
  private readonly b = 0.75

  constructor(readonly passages: readonly IndexedPassage[]) {
    let total = 0
    for (const p of passages) {
      total += p.len
      for (const t of Object.keys(p.tf)) this.df.set(t, (this.df.get(t) ?? 0) + 1)
    }
    this.n = passages.length
    this.avgdl = passages.length ? total / passages.length : 1
  }

  idf(term: string): number {
    const df = this.df.get(term) ?? 0
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5))
  }

  /** The idf of a word no passage contains. */
  get unknownIdf(): number {
    return Math.log(1 + (this.n + 0.5) / 0.5)
  }

  score(p: IndexedPassage, query: ReadonlyMap<string, number>): number {
    let s = 0
    for (const [t, w] of query) {
      const f = p.tf[t]
      if (!f) continue
      s += (w * this.idf(t) * (f * (this.k1 + 1))) / (f + this.k1 * (1 - this.b + (this.b * p.len) / this.avgdl))
    }
    return s
  }
}

export interface QuerySegmenters {
  /** Whole words (jieba cut): the units the question's coverage is counted in. */
  words: Segmenter
  /** Search-mode pieces (jieba cutForSearch): what the passages were indexed with. */
  fine: Segmenter
}

export interface QueryUnit {
  word: string
  /** Pieces of the word the index may hold (cutForSearch, length ≥ 2, the word itself excluded). */
  parts: string[]
  /** Synonym words the word (or a phrase around it) brought in. */
  synonyms: string[]
}

export interface QueryTerms {
  /** The resident's own words (after stop words), as units. */
  units: QueryUnit[]
  /** term → weight (own words and their pieces 1, synonym words 0.6). */
  weights: Map<string, number>
  /** Sections the wording asks about (多少钱 → amount …). */
  sections: PassageSection[]
}

const SECTION_CUES: [RegExp, PassageSection[]][] = [
  [/多少钱|多少|标准|金额|几个月|多久|额度|最多|最高|领多少|给多少|能领/, ['amount']],
  [/材料|带什么|带啥|证件|证明|手续|准备什么/, ['materials']],
  [/怎么申请|怎么办|如何申请|怎么领|去哪|哪里|在哪|流程|步骤|怎么报|怎么弄|网上|手机上|线上/, ['apply', 'steps']],
  [/什么时候|截止|期限|多长时间|到期|过期|还能申请|现在还/, ['deadline']],
  [/条件|符合|能不能|可以吗|能吗|有没有|谁可以|谁能|资格|算不算|够不够/, ['who']],
  [/文件|依据|文号|哪个规定/, ['source']],
  [/注意|要不要钱|收费|收钱|骗|安全/, ['notes']],
]

export function queryTerms(seg: QuerySegmenters, question: string): QueryTerms {
  const q = question.toLowerCase()
  const words = [...new Set(contentTokens(seg.words, q))]
  const units: QueryUnit[] = words.map((w) => ({
    word: w,
    parts: contentTokens(seg.fine, w).filter((t) => t !== w),
    synonyms: [],
  }))
  const weights = new Map<string, number>()
  for (const u of units) {
    weights.set(u.word, 1)
    for (const t of u.parts) weights.set(t, 1)
  }
  for (const [phrase, canon] of Object.entries(SYNONYMS)) {
    const at = q.indexOf(phrase)
    if (at < 0) continue
    // a word that straddles the phrase's edge is a segmentation slip (网格员来 → 网格 / 员来): drop it
    for (let i = units.length - 1; i >= 0; i--) {
      const u = units[i]
      const ua = q.indexOf(u.word)
      const overlaps = ua < at + phrase.length && at < ua + u.word.length
      if (overlaps && !u.word.includes(phrase) && !phrase.includes(u.word)) units.splice(i, 1)
    }
    // the unit the phrase belongs to: the word containing it, or the word it contains; else a unit of its own
    let unit = units.find((u) => u.word.includes(phrase)) ?? units.find((u) => phrase.includes(u.word))
    if (!unit) {
      if (STOPWORDS.has(phrase)) continue
      unit = { word: phrase, parts: [], synonyms: [] }
      units.push(unit)
      if (TOKEN_RE.test(phrase)) weights.set(phrase, 1)
    }
    for (const c of canon) {
      for (const t of contentTokens(seg.fine, c)) {
        if (!unit.synonyms.includes(t)) unit.synonyms.push(t)
        if (!weights.has(t)) weights.set(t, 0.6)
      }
    }
  }
  const sections = SECTION_CUES.filter(([re]) => re.test(q)).flatMap(([, s]) => s)
  return { units, weights, sections }
}

export interface RankedRef {
  kind: Passage['kind']
  refId: string
  title: string
  score: number
  /** Best passages of this ref, best first. */
  passages: { passage: IndexedPassage; score: number }[]
  /** Share (0–1) of the question's own words (by idf) this ref's passages contain. */
  coverage: number
}

const SECTION_BOOST = 1.35

/** `factor` scales a ref's passages (e.g. a policy no longer in force ranks below one that is). */
export function rank(
  index: Bm25,
  q: QueryTerms,
  limit = 5,
  factor?: (kind: Passage['kind'], refId: string) => number,
): RankedRef[] {
  const byRef = new Map<string, RankedRef>()
  for (const p of index.passages) {
    let s = index.score(p, q.weights)
    if (s <= 0) continue
    if (q.sections.includes(p.section)) s *= SECTION_BOOST
    if (factor) s *= factor(p.kind, p.refId)
    const key = `${p.kind}:${p.refId}`
    const r = byRef.get(key) ?? { kind: p.kind, refId: p.refId, title: p.title, score: 0, passages: [], coverage: 0 }
    r.passages.push({ passage: p, score: s })
    byRef.set(key, r)
  }
  const refs = [...byRef.values()]
  for (const r of refs) {
    r.passages.sort((a, b) => b.score - a.score)
    r.score = r.passages[0].score + 0.2 * (r.passages[1]?.score ?? 0)
    r.coverage = coverage(index, q, r)
  }
  refs.sort((a, b) => b.score * (0.5 + b.coverage) - a.score * (0.5 + a.coverage) || a.refId.localeCompare(b.refId))
  return refs.slice(0, limit)
}

/**
 * The share of the question (by the words' idf) the ref's passages answer: a word counts fully when it or one of
 * its synonyms is there, a third when only a piece of it is (退休金 → 退休). A word no passage has weighs the most.
 */
function coverage(index: Bm25, q: QueryTerms, r: RankedRef): number {
  if (!q.units.length) return 0
  let all = 0
  let hit = 0
  const has = (t: string) => r.passages.some(({ passage }) => passage.tf[t])
  for (const u of q.units) {
    const weight = index.df.has(u.word) ? index.idf(u.word) : index.unknownIdf
    all += weight
    if (has(u.word) || u.synonyms.some(has)) hit += weight
    else if (u.parts.some(has)) hit += weight * 0.35
  }
  return all ? hit / all : 0
}

/**
 * Confidence 0–1: how much of the question the best ref covers, damped when its score is weak.
 * Below HANDOFF_BELOW the assistant hands over to a person instead of answering.
 */
export function confidenceOf(refs: readonly RankedRef[]): number {
  const top = refs[0]
  if (!top) return 0
  const strength = 1 - Math.exp(-top.score / 4)
  return Math.round(Math.min(1, top.coverage * strength) * 100) / 100
}

export const HANDOFF_BELOW = 0.4

/** A grouping key for similar questions (the gaps list): the sorted distinct own words. */
export const questionKey = (q: QueryTerms): string =>
  q.units
    .map((u) => u.word)
    .sort()
    .slice(0, 8)
    .join(' ') || '（空）'
