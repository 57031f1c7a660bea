/** The shapes the notify function answers (docs/api.md ## notify), shared by the function, the app and the tests. Pure. */
import type { ConsentGroup, ConsentKind, TemplateKey } from './templates'

/** One template's consent balance (myConsents / recordConsent). */
export interface ConsentItem {
  templateId: string
  templateKey: TemplateKey
  title: string
  group: ConsentGroup
  kind: ConsentKind
  /** One-time: messages we may still send. Long-term: 1 while switched on, else 0. */
  remaining: number
  /** Long-term templates: switched on. */
  longTermOn: boolean
  lastAcceptedAt: string | null
  lastRejectedAt: string | null
}

/** One entry of the message centre (消息中心). */
export interface MessageItem {
  id: string
  title: string
  body: string
  /** The page to open (deep link), or null. */
  page: string | null
  template: string
  read: boolean
  createdAt: string
}
