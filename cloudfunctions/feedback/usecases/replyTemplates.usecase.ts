/** templates: the reply templates a handler can start from. */
import { REPLY_TEMPLATES } from '../../../shared/feedback/rules'

export async function replyTemplates() {
  return { items: REPLY_TEMPLATES.map((t) => ({ ...t })) }
}
