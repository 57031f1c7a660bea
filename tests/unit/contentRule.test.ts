/**
 * The content-check rule: every free text staff or other people read is declared in the registry
 * (`contentCheck`), and the declared paths really exist in the action's schema.
 */
import type { z } from 'zod'
import { registry } from '../../shared/actions/index'
import type { ActionSpec } from '../../shared/actions/define'
import { textsAt } from '../../cloudfunctions/_core/contentRule'

/** Free texts others read, per action (the list and the fields found by reading the schemas). */
const MUST_CHECK: Record<string, string[]> = {
  'feedback.rate': ['comment'],
  'feedback.reopen': ['reason'],
  'feedback.reply': ['content'],
  'feedback.accept': ['note'],
  'feedback.assign': ['note'],
  'feedback.resolve': ['note'],
  'feedback.extend': ['reason'],
  'privacy.requestCorrection': ['field', 'correctValue', 'reason'],
  'privacy.requestDeletion': ['reason'],
  'job.post': ['title', 'description'],
  'job.update': ['title', 'description'],
  'job.setApplicationStatus': ['note'],
  'training.create': ['title'],
  'training.cancelCourse': ['reason'],
  'user.updateResume': ['summary'],
  'assistant.upsertFaq': ['question', 'answer'],
}

const spec = (key: string): ActionSpec | undefined => {
  const [fn, action] = key.split('.')
  return ((registry as Record<string, { actions: Record<string, ActionSpec> }>)[fn]?.actions ?? {})[action]
}

test('every free text others read is declared for the content check', () => {
  const missing = Object.entries(MUST_CHECK).flatMap(([key, fields]) =>
    fields.filter((f) => !(spec(key)?.contentCheck ?? []).includes(f)).map((f) => `${key}.${f}`),
  )
  expect(missing).toEqual([])
})

test("application answers are not declared whole (bank account and certificate numbers must not go to WeChat): each question's content decides", () => {
  const whole = ['save', 'respond'].flatMap((a) =>
    (spec(`application.${a}`)?.contentCheck ?? []).filter((p) => p.startsWith('answers')),
  )
  expect(whole).toEqual([])
})

test('every declared path names a field of the schema', () => {
  const shapeHas = (schema: z.ZodType, path: string): boolean => {
    let cur: any = schema
    for (const seg of path.split('.')) {
      for (
        let i = 0;
        i < 8 && cur?._zod?.def && ['optional', 'nullable', 'default', 'pipe'].includes(cur._zod.def.type);
        i++
      )
        cur = cur._zod.def.innerType ?? cur._zod.def.in
      const d = cur?._zod?.def
      if (!d) return false
      if (seg === '*') cur = d.type === 'array' ? d.element : d.type === 'record' ? d.valueType : null
      else cur = d.type === 'object' ? d.shape[seg] : null
      if (!cur) return false
    }
    return true
  }
  const bad = Object.entries(registry).flatMap(([fn, mod]) =>
    Object.entries(mod.actions as Record<string, ActionSpec>).flatMap(([a, s]) =>
      (s.contentCheck ?? []).filter((p) => !shapeHas(s.input, p)).map((p) => `${fn}.${a}: ${p}`),
    ),
  )
  expect(bad).toEqual([])
})

test('textsAt finds the strings at a path, through arrays and records', () => {
  const input = {
    note: '好',
    visits: [{ notes: 'a', referrals: [{ note: 'b' }, { note: '' }] }, { notes: 'c' }],
    skills: ['焊工', ''],
  }
  expect(textsAt(input, 'note')).toEqual([{ path: 'note', text: '好' }])
  expect(textsAt(input, 'visits.*.notes').map((t) => t.path)).toEqual(['visits.0.notes', 'visits.1.notes'])
  expect(textsAt(input, 'visits.*.referrals.*.note').map((t) => t.text)).toEqual(['b'])
  expect(textsAt(input, 'skills')).toEqual([{ path: 'skills.0', text: '焊工' }])
  expect(textsAt(input, 'missing.path')).toEqual([])
})
