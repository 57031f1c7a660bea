/**
 * The job search tokenizer: @node-rs/jieba (`cut` for the whole words of a query, `cutForSearch` for
 * index-time and sub-word tokens). If the native module cannot load (another platform, a broken install),
 * character bigrams take over, so search degrades instead of failing. The same tokenizer writes the stored
 * tokens (seed, post, update) and reads the queries.
 */
import {
  bigramSegmenter,
  indexTokens,
  queryTokens,
  type IndexFields,
  type QueryTokens,
  type Segmenter,
} from '../../shared/job/tokens'

export type TokenizerEngine = 'jieba' | 'bigram'

interface Loaded {
  engine: TokenizerEngine
  whole: Segmenter
  fine: Segmenter
  /** Words with their part of speech (jieba only). */
  tag: ((text: string) => { word: string; tag: string }[]) | null
}

let loaded: Loaded | null = null

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[]
  cutForSearch(text: string, hmm?: boolean): string[]
  tag(text: string, hmm?: boolean): { word: string; tag: string }[]
}

function load(): Loaded {
  if (loaded) return loaded
  if (process.env.ZJ_TOKENIZER !== 'bigram') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array }
      const jieba = Jieba.withDict(dict)
      loaded = {
        engine: 'jieba',
        whole: (t) => jieba.cut(t, true),
        fine: (t) => jieba.cutForSearch(t, true),
        tag: (t) => jieba.tag(t, true),
      }
      return loaded
    } catch {
      /* fall back below */
    }
  }
  loaded = { engine: 'bigram', whole: bigramSegmenter, fine: bigramSegmenter, tag: null }
  return loaded
}

export const tokenizerEngine = (): TokenizerEngine => load().engine

export function tokensForPosting(fields: IndexFields): { tokens: string[]; titleTokens: string[] } {
  return indexTokens(load().fine, fields)
}

export function tokensForQuery(text: string): QueryTokens {
  const t = load()
  return queryTokens(t.whole, t.fine, text)
}

/** Search-mode segmentation of any text (the assistant's passages and questions use the same setup). */
export function segmentForSearch(text: string): string[] {
  return load().fine(text)
}

/** Whole-word segmentation of any text (jieba `cut`). */
export function segmentWords(text: string): string[] {
  return load().whole(text)
}

/** Words with their part of speech (jieba `tag`), or null when the bigram fallback runs. */
export function tagWords(text: string): { word: string; tag: string }[] | null {
  const t = load()
  return t.tag ? t.tag(text) : null
}

/** For tests: forget the loaded engine (e.g. after setting ZJ_TOKENIZER=bigram). */
export function resetTokenizer(): void {
  loaded = null
}
