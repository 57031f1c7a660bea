/** Every deep link a function can send opens a page the mini-program really has (WeChat answers 41030 otherwise). */
import path from 'node:path'
import fs from 'node:fs'
import { deepLinks, pagePathOf } from '../../shared/deepLinks'
import { TEMPLATES } from '../../shared/notify/templates'

function appPages(): Set<string> {
  ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../miniprogram/src/app.config').default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return new Set([...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((x) => `${p.root}/${x}`))])
}

test('each deep link names a page declared in app.config.ts', () => {
  const pages = appPages()
  for (const [name, make] of Object.entries(deepLinks)) {
    const link = (make as (a: string) => string)('x-1')
    expect({ name, page: pagePathOf(link), exists: pages.has(pagePathOf(link)) }).toEqual({
      name,
      page: pagePathOf(link),
      exists: true,
    })
  }
})

test('every template default page exists', () => {
  const pages = appPages()
  for (const t of Object.values(TEMPLATES)) expect(pages.has(pagePathOf(t.defaultPage))).toBe(true)
})

test('no function names a page path by hand: every page: in cloudfunctions/ resolves to a declared page', () => {
  const pages = appPages()
  const root = path.join(__dirname, '../../cloudfunctions')
  const files = fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
  for (const f of files) {
    const src = fs.readFileSync(path.join(root, f), 'utf8')
    for (const m of src.matchAll(/page: [`'](packages\/[^`'?]+)/g))
      expect({ file: f, page: m[1], exists: pages.has(m[1]) }).toEqual({ file: f, page: m[1], exists: true })
  }
})
