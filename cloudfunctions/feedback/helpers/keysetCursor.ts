/** The keyset cursor of the feedback lists (mine and the inbox): {k: time, id}. */
import { type KeysetCursor } from '../repositories/feedback.repository'

export const isKeysetCursor = (v: unknown): v is KeysetCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as KeysetCursor).k === 'number' &&
  typeof (v as KeysetCursor).id === 'string'
