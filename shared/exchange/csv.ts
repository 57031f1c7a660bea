/**
 * CSV as Chinese offices save it: UTF-8 (with or without BOM) or GB18030 (Excel's 「CSV」 on a Chinese Windows),
 * comma, tab or semicolon separated, RFC 4180 quoting (a quoted field may hold the separator, "" and newlines).
 *
 * Streaming works on bytes: in UTF-8 and GB18030 alike the bytes of LF (0x0A), CR, the quote (0x22) and the
 * separators (< 0x30) never occur inside a multi-byte character, so records can be cut on bytes before decoding,
 * and a checkpoint is a plain byte offset of a record's start. Pure: the caller supplies the bytes.
 */

export type TextEncoding = 'utf8' | 'gb18030'
export type Delimiter = ',' | '\t' | ';' | '|'

/** True when the bytes are well-formed UTF-8 (a truncated character at the very end is allowed). */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0
    if (len === 0 || b > 0xf4) return false
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return true
      if ((bytes[i + k] & 0xc0) !== 0x80) return false
    }
    i += len
  }
  return true
}

/** UTF-8 when there is a BOM or the sample is valid UTF-8 with some non-ASCII, else GB18030. */
export function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf8', bom: 3 }
  return { encoding: isUtf8(sample) ? 'utf8' : 'gb18030', bom: 0 }
}

/** The separator of a header line: the candidate found most often outside quotes (comma when none). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, '\t': 0, ';': 0, '|': 0 }
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch in counts) counts[ch as Delimiter]++
  }
  let best: Delimiter = ','
  for (const d of ['\t', ';', '|'] as Delimiter[]) if (counts[d] > counts[best]) best = d
  return best
}

/**
 * Splits bytes into records: `next(bytes, final)` returns the byte ranges [start, end) (relative to `bytes`,
 * line terminator excluded) of the complete records, and `consumed`, the offset after the last complete record
 * (the start of the next one). Quoted newlines stay inside their record.
 */
export function splitRecords(bytes: Uint8Array, final: boolean): { records: [number, number][]; consumed: number } {
  const records: [number, number][] = []
  let start = 0
  let quoted = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x22) quoted = !quoted
    else if (b === 0x0a && !quoted) {
      const end = i > start && bytes[i - 1] === 0x0d ? i - 1 : i
      records.push([start, end])
      start = i + 1
    }
  }
  if (final && start < bytes.length) {
    let end = bytes.length
    if (bytes[end - 1] === 0x0d) end--
    records.push([start, end])
    start = bytes.length
  }
  return { records, consumed: start }
}

/** The fields of one decoded record (RFC 4180: "" inside quotes is a quote). */
export function parseRecord(line: string, delimiter: Delimiter): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"' && field.trim() === '') {
      quoted = true
      field = ''
    } else if (ch === delimiter) {
      out.push(field)
      field = ''
    } else field += ch
  }
  out.push(field)
  return out
}

/** A CSV field: quoted when it holds the separator, a quote, a newline, or could be read as a formula by Excel. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value)
  // CSV injection: a cell starting with = + - @ is neutralised with a leading apostrophe (OWASP)
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csvLine = (values: readonly unknown[]): string => values.map(csvField).join(',')

/** A whole blank record (only separators and blanks): skipped, not counted. */
export const isBlankRecord = (fields: readonly string[]): boolean => fields.every((f) => f.trim() === '')
