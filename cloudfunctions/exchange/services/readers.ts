/**
 * Reading an import file in pieces. CSV: byte ranges from the checkpoint's offset (records cut on bytes, decoded
 * as UTF-8 or GB18030 with iconv-lite), so memory stays at one chunk whatever the file's size. XLSX: exceljs's
 * streaming reader (a zip cannot be entered in the middle: a resumed job streams from the start and skips the
 * rows already done, without processing them again).
 */
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import {
  detectDelimiter,
  detectEncoding,
  parseRecord,
  splitRecords,
  type Delimiter,
  type TextEncoding,
} from '../../../shared/exchange/csv'
import { openStream, readRange } from './fileStore'

/** Bytes read per chunk (EXCHANGE_CHUNK_BYTES overrides it in tests: many chunks from a small file). */
export const chunkBytes = (): number => Number(process.env.EXCHANGE_CHUNK_BYTES) || 256 * 1024
const MAX_RECORD_BYTES = 4 * 1024 * 1024
const utf8 = new TextDecoder('utf-8')

export const decode = (bytes: Uint8Array, encoding: TextEncoding): string =>
  encoding === 'utf8'
    ? utf8.decode(bytes)
    : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')

export interface CsvHeader {
  encoding: TextEncoding
  delimiter: Delimiter
  headers: string[]
  /** Byte offset of the first data record. */
  offset: number
}

export async function readCsvHeader(fileID: string, size: number): Promise<CsvHeader | null> {
  const head = await readRange(fileID, 0, Math.min(size, 64 * 1024))
  const { encoding, bom } = detectEncoding(head)
  const split = splitRecords(head.subarray(bom), head.length >= size)
  const first = split.records[0]
  if (!first) return null
  const line = decode(head.subarray(bom + first[0], bom + first[1]), encoding)
  const delimiter = detectDelimiter(line)
  return {
    encoding,
    delimiter,
    headers: parseRecord(line, delimiter),
    offset: bom + splitConsumedAfterFirst(head.subarray(bom)),
  }
}

/** The offset after the first record's line terminator. */
function splitConsumedAfterFirst(bytes: Uint8Array): number {
  let quoted = false
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x22) quoted = !quoted
    else if (bytes[i] === 0x0a && !quoted) return i + 1
  }
  return bytes.length
}

export interface CsvChunk {
  rows: { row: number; fields: string[] }[]
  /** The offset after the last complete record. */
  nextOffset: number
}

/** The complete records from `offset` (one chunk); an empty list at the end of the file. */
export async function readCsvChunk(
  fileID: string,
  size: number,
  offset: number,
  firstRow: number,
  encoding: TextEncoding,
  delimiter: Delimiter,
): Promise<CsvChunk> {
  let len = chunkBytes()
  for (;;) {
    const buf = await readRange(fileID, offset, Math.min(size, offset + len))
    const final = offset + buf.length >= size
    const split = splitRecords(buf, final)
    if (split.records.length || final) {
      let row = firstRow
      return {
        rows: split.records.map(([s, e]) => ({
          row: row++,
          fields: parseRecord(decode(buf.subarray(s, e), encoding), delimiter),
        })),
        nextOffset: final && !split.records.length ? size : offset + split.consumed,
      }
    }
    if (len >= MAX_RECORD_BYTES) throw Object.assign(new Error('record too long'), { code: 'RECORD_TOO_LONG' })
    len *= 4
  }
}

/** An XLSX cell as the text an office typed: dates as YYYY-MM-DD (HH:mm), numbers without exponent. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) {
    const iso = v.toISOString()
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
  }
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v)
  if (typeof v === 'string' || typeof v === 'boolean') return String(v)
  const o = v as unknown as Record<string, unknown>
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('')
  if ('result' in o) return cellText(o.result as ExcelJS.CellValue)
  if (typeof o.text === 'string') return o.text
  return ''
}

/**
 * Streams the first worksheet: `onHeader` once with row 1, then `onBatch` with batches of rows after `skipThrough`;
 * `onBatch` answers false to stop (time budget or lost lease). Resolves with true when the sheet was read to the end.
 */
export async function streamXlsx(
  fileID: string,
  skipThrough: number,
  batchSize: number,
  onHeader: (headers: string[]) => Promise<boolean>,
  onBatch: (rows: { row: number; fields: string[] }[]) => Promise<boolean>,
): Promise<boolean> {
  const stream = await openStream(fileID)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  let batch: { row: number; fields: string[] }[] = []
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText)
        if (row.number === 1) {
          if (!(await onHeader(values))) return false
          continue
        }
        if (row.number <= skipThrough) continue
        batch.push({ row: row.number, fields: values })
        if (batch.length >= batchSize) {
          const go = await onBatch(batch)
          batch = []
          if (!go) return false
        }
      }
      break // the first worksheet only
    }
    if (batch.length) return await onBatch(batch)
    return true
  } finally {
    stream.destroy()
  }
}
