/** Opaque cursors for `{ items, nextCursor }` lists. A cursor that does not decode is a VALIDATION_FAILED. */
import { AppError } from '../../shared/errors'
import { DEFAULT_PAGE_SIZE } from '../../shared/actions/common'

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
}

export function decodeCursor<T>(cursor: string | undefined, check: (v: unknown) => v is T): T | null {
  if (cursor === undefined || cursor === '') return null
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (check(v)) return v
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新后重试')
}

export const pageSizeOf = (n: number | undefined): number => n ?? DEFAULT_PAGE_SIZE
