/**
 * Device-side form checks with the action's own shared zod schema (no copied limits): the first problem as one
 * Chinese sentence naming the field, or null. Labels are keyed by the issue's path with list indexes as `*`
 * (`policy.amounts.*.text`); `{n}` in a label is the first index plus one (第{n}项补贴标准).
 */
import type { z } from 'zod'

export type FieldLabel = string | { label: string; message: string }

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  )

export function schemaProblem(schema: z.ZodType, input: unknown, labels: Record<string, FieldLabel>): string | null {
  const r = schema.safeParse(input)
  if (r.success) return null
  const issue = r.error.issues[0]
  const key = issue.path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.')
  const n = issue.path.find((p): p is number => typeof p === 'number')
  const entry = labels[key]
  if (!entry) return issue.message
  const label = (typeof entry === 'string' ? entry : entry.label).replace('{n}', String((n ?? 0) + 1))
  if (typeof entry !== 'string') return entry.message.replace('{label}', label)
  const v = valueAt(input, issue.path)
  if (v === undefined || (typeof v === 'string' && !v.trim())) return `请填写${label}`
  return `${label}：${issue.message}`
}
