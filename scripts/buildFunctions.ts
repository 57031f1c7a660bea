/**
 * `npm run build:functions`: bundles each cloudfunctions/<name>/index.ts with esbuild (shared/ and _core
 * inlined) into dist/functions/<name>/index.js plus a package.json listing the runtime dependencies that stay
 * outside the bundle (@cloudbase/node-sdk; @node-rs/jieba, a native addon, when the function uses it).
 * Each folder is what CloudBase deploys (cloudbaserc.json: functionRoot dist/functions).
 */
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
/**
 * The CloudBase runtime the functions are deployed on (cloudbaserc.json `runtime`) and the matching esbuild target:
 * Node.js 24.11, CloudBase's Active LTS and recommended runtime (docs.cloudbase.net/cloud-function/runtime-support,
 * which lists 26.x as Current, 24.11, 22.21, 20.19, 18.15, 16.13); 16.13 is past its end of life. The bundle's
 * externals (@cloudbase/node-sdk, @node-rs/jieba's N-API prebuilds) run on it.
 */
export const FUNCTION_RUNTIME = 'Nodejs24.11'
export const FUNCTION_NODE_TARGET = 'node24'
export const EXTERNALS = ['@cloudbase/node-sdk', '@node-rs/jieba'] as const

export function functionNames(): string[] {
  const dir = join(root, 'cloudfunctions')
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

export interface BuiltFunction {
  name: string
  dir: string
  bytes: number
  dependencies: Record<string, string>
  ms: number
}

export async function buildFunctions(
  opts: { outDir?: string; only?: string[]; minify?: boolean } = {},
): Promise<BuiltFunction[]> {
  const outRoot = opts.outDir ?? join(root, 'dist', 'functions')
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const versionOf = (name: string) => rootPkg.dependencies?.[name] ?? rootPkg.devDependencies?.[name] ?? '*'
  const results: BuiltFunction[] = []
  for (const name of opts.only ?? functionNames()) {
    const started = Date.now()
    const dir = join(outRoot, name)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const res = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: FUNCTION_NODE_TARGET,
      format: 'cjs',
      external: [...EXTERNALS],
      minify: opts.minify ?? false,
      sourcemap: false,
      metafile: true,
      legalComments: 'none',
      logLevel: 'warning',
    })
    const imported = new Set<string>()
    for (const input of Object.values(res.metafile.inputs))
      for (const imp of input.imports) if (imp.external) imported.add(imp.path)
    const dependencies: Record<string, string> = { '@cloudbase/node-sdk': versionOf('@cloudbase/node-sdk') }
    for (const ext of EXTERNALS) if (imported.has(ext)) dependencies[ext] = versionOf(ext)
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        { name: `zhijiu-${name}`, version: '1.0.0', private: true, main: 'index.js', dependencies },
        null,
        2,
      ) + '\n',
    )
    const bytes = readFileSync(join(dir, 'index.js')).length
    results.push({ name, dir, bytes, dependencies, ms: Date.now() - started })
  }
  return results
}

if (require.main === module) {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  buildFunctions({ only: only.length ? only : undefined, minify: process.argv.includes('--minify') })
    .then((built) => {
      for (const b of built)
        console.log(
          `${b.name.padEnd(10)} ${(b.bytes / 1024).toFixed(0).padStart(5)} KB  ${Object.keys(b.dependencies).join(', ')}  (${b.ms} ms)`,
        )
      console.log(`built ${built.length} functions into dist/functions`)
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
