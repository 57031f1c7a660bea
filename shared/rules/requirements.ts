/** A rule shown as Chinese statements (what `policy.get` answers as `requirements`), one per condition. Pure. */
import { requirementText } from './evaluate'
import type { Condition } from './types'

export interface Requirement {
  code: string
  text: string
  children?: Requirement[]
}

/** The statements of a rule: a top-level unnamed `all` lists its parts; groups keep their children. */
export function requirementsOf(c: Condition): Requirement[] {
  const node = (x: Condition): Requirement => {
    if (x.op === 'all' || x.op === 'any')
      return { code: x.code ?? x.op, text: requirementText(x), children: x.of.map(node) }
    if (x.op === 'not') return { code: x.code ?? 'not', text: requirementText(x), children: [node(x.of)] }
    return { code: x.code ?? x.op, text: requirementText(x) }
  }
  return c.op === 'all' && !c.text ? c.of.map(node) : [node(c)]
}
