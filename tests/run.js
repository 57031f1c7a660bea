#!/usr/bin/env node
// `npm test`: type-check, lint, the format check (Prettier), then every jest project (unit, functions, simulate, e2e) in CI mode.
// Exits non-zero when any step fails. The last line is `N passed, N failed`: jest's test counts, with a failed
// type-check, lint or format check counted as one failure each. Extra arguments go to jest (e.g. `npm test -- tests/unit`).
'use strict'
const { spawnSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const runStarted = Date.now()
const root = path.resolve(__dirname, '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const outDir = path.join(root, 'test-output')
fs.mkdirSync(outDir, { recursive: true })
const jsonFile = path.join(outDir, 'jest-results.json')

function step(label, cmd, args) {
  const started = Date.now()
  console.log(`\n▶ ${label}: ${path.basename(cmd)} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CI: process.env.CI || 'true' } })
  const ok = r.status === 0
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

const typecheck = step('type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
const lint = step('lint', bin('eslint'), ['.'])
const format = step('format check', bin('prettier'), ['--check', '--log-level', 'warn', '.'])
try {
  fs.rmSync(jsonFile)
} catch {}
// The PII scan (mock/emulator/piiScan.ts): every function response of the whole suite is searched for unmasked
// ID and mobile numbers; findings land in this file and fail the run.
const piiFile = path.join(outDir, 'pii-scan.jsonl')
for (const f of [piiFile, `${piiFile}.count`])
  try {
    fs.rmSync(f)
  } catch {}
process.env.ZJ_PII_SCAN_FILE = piiFile
const jestOk = step('jest', bin('jest'), [
  '--ci',
  '--forceExit',
  '--json',
  `--outputFile=${jsonFile}`,
  ...process.argv.slice(2),
])
const piiLines = fs.existsSync(piiFile) ? fs.readFileSync(piiFile, 'utf8').trim().split('\n').filter(Boolean) : []
const piiScanned = fs.existsSync(`${piiFile}.count`)
  ? fs
      .readFileSync(`${piiFile}.count`, 'utf8')
      .trim()
      .split('\n')
      .reduce((a, n) => a + Number(n || 0), 0)
  : 0
const piiOk = piiLines.length === 0
console.log(
  `${piiOk ? '✔' : '✘'} PII scan: ${piiScanned} function responses scanned, ${piiLines.length} with an unmasked ID or mobile number`,
)
for (const l of piiLines.slice(0, 20)) console.log('  ' + l)

let passed = 0
let failed = 0
try {
  const res = JSON.parse(fs.readFileSync(jsonFile, 'utf8'))
  passed = res.numPassedTests
  failed = res.numFailedTests
  // A suite that failed to run (syntax error, missing module) has no failed tests but is a failure.
  failed += (res.testResults || []).filter(
    (t) => t.status === 'failed' && !(t.assertionResults || []).some((a) => a.status === 'failed'),
  ).length
} catch {
  if (!jestOk) failed += 1
}
if (!typecheck) failed += 1
if (!lint) failed += 1
if (!format) failed += 1
if (!piiOk) failed += 1
console.log(
  `\ntype-check ${typecheck ? 'ok' : 'FAILED'}, lint ${lint ? 'ok' : 'FAILED'}, format ${format ? 'ok' : 'FAILED (npm run format fixes it)'}, jest ${jestOk ? 'ok' : 'FAILED'}, PII scan ${piiOk ? 'ok' : 'FAILED'}`,
)
console.log(`whole run ${((Date.now() - runStarted) / 60000).toFixed(1)} min`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(typecheck && lint && format && jestOk && piiOk && failed === 0 ? 0 : 1)
