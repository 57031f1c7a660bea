/** Every action of the registry declares a valid example input next to its schema (the authz harness sends it). */
import { registry } from '../../shared/actions/index'
import type { ActionSpec } from '../../shared/actions/define'

const actions = Object.entries(registry).flatMap(([fn, mod]) =>
  Object.entries(mod.actions as Record<string, ActionSpec>).map(([action, spec]) => ({ key: `${fn}.${action}`, spec })),
)

test('every action has an example input', () => {
  expect(actions.filter((a) => !a.spec.example).map((a) => a.key)).toEqual([])
})

test('every example passes its own schema', () => {
  const bad = actions
    .filter((a) => a.spec.example)
    .map((a) => ({ key: a.key, r: a.spec.input.safeParse(a.spec.example) }))
    .filter((x) => !x.r.success)
    .map((x) => `${x.key}: ${JSON.stringify(!x.r.success && x.r.error.issues.slice(0, 2))}`)
  expect(bad).toEqual([])
})
