/**
 * Builds the assistant's passage index at build time: the policy library and the service guides, split into
 * passages and tokenized with the jieba setup of `job`, written to cloudfunctions/assistant/data/passageIndex.json
 * (bundled with the function, so a cold start does not rebuild it).
 *   npx tsx scripts/buildAssistantIndex.ts           # write the file
 *   npx tsx scripts/buildAssistantIndex.ts --check   # exit 1 when the file is out of date
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { staticPassages } from '../shared/assistant/knowledge'
import { indexPassage, type PassageIndexData } from '../shared/assistant/retrieval'
import { segmentForSearch, tokenizerEngine } from '../cloudfunctions/job/tokenizer'

export const INDEX_FILE = join(__dirname, '..', 'cloudfunctions', 'assistant', 'data', 'passageIndex.json')

export function buildIndex(): PassageIndexData & { engine: string } {
  const passages = staticPassages()
  const sourceHash = createHash('sha256').update(JSON.stringify(passages)).digest('hex').slice(0, 16)
  return {
    version: 1,
    engine: tokenizerEngine(),
    sourceHash,
    passages: passages.map((p) => indexPassage(segmentForSearch, p)),
  }
}

if (require.main === module) {
  const built = buildIndex()
  const text = JSON.stringify(built) + '\n'
  if (process.argv.includes('--check')) {
    const current = readFileSync(INDEX_FILE, 'utf8')
    if (current !== text) {
      console.error(
        'cloudfunctions/assistant/data/passageIndex.json is out of date: run npx tsx scripts/buildAssistantIndex.ts',
      )
      process.exit(1)
    }
    console.log(`passage index up to date (${built.passages.length} passages)`)
  } else {
    writeFileSync(INDEX_FILE, text)
    console.log(
      `wrote ${built.passages.length} passages (${(text.length / 1024).toFixed(0)} KB, ${built.engine}) to ${INDEX_FILE}`,
    )
  }
}
