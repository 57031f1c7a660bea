/**
 * npm run bench:image-type — our signature sniffing (shared/media/imageType.ts) against the maintained
 * `file-type` package (the honest idiomatic baseline: `fileTypeFromBuffer`), for docs/adr/0020-image-type-sniffing.md.
 *
 * 1. Correctness on the sample files of tests/helpers/sampleImages.ts (real 1-pixel PNG / GIF / WebP, camera-style
 *    JPEGs, a HEIC header, files cut short, non-images named like photos): each sniffer's answer against the
 *    expected type (file-type's answer counts as "no image of ours" when it is not one of the five image types).
 * 2. Speed: `--rounds N` (default 20,000) passes over all samples, each sniffer, ns per file.
 * 3. Bundle: the feedback function (the one that sniffs stored photos) bundled the way scripts/buildFunctions.ts
 *    does (esbuild, cjs, node24, not minified; minified too), without and with `fileTypeFromBuffer` imported.
 * 4. Module fit: file-type's package type and export conditions (ESM-only since v17), and whether this Node can
 *    require() it.
 *
 * file-type is not a dependency of the project; the repository's node_modules only holds old copies under the
 * Taro CLI (v4/v5/v8, without fileTypeFromBuffer). Install a current one in a scratch folder and point at it:
 *   npm install --prefix /tmp/ft file-type@22 && npm run bench:image-type -- --file-type /tmp/ft
 * (or FILE_TYPE_DIR=/tmp/ft). Without one the bench prints our figures only and says so.
 * Last line: {"bench":"image-type","samples":…,"ours_correct":…,"library_correct":…,"ours_ns":…,"library_ns":…,
 *   "bundle_bytes":…,"bundle_with_library_bytes":…,"bundle_added_kb":…,"bundle_added_min_kb":…,"library_version":…}
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { imageTypeOf, type ImageType } from '../../shared/media/imageType'
import { sampleImages } from '../helpers/sampleImages'
import { EXTERNALS, FUNCTION_NODE_TARGET } from '../../scripts/buildFunctions'

const ROOT = path.resolve(__dirname, '..', '..')
const IMAGE_TYPES = new Set<string>(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'])

function arg(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return undefined
  return process.argv[i].includes('=') ? process.argv[i].split('=')[1] : process.argv[i + 1]
}

type FileTypeFromBuffer = (b: Uint8Array) => Promise<{ ext: string; mime: string } | undefined>

async function loadFileType(): Promise<{
  dir: string
  entry: string
  version: string
  pkg: Record<string, unknown>
  fn: FileTypeFromBuffer
} | null> {
  const prefix = arg('file-type') ?? process.env.FILE_TYPE_DIR
  const dir = prefix ? path.resolve(prefix, 'node_modules', 'file-type') : path.join(ROOT, 'node_modules', 'file-type')
  if (!fs.existsSync(path.join(dir, 'package.json'))) return null
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
  const entry = path.join(
    dir,
    String((pkg.exports as { default?: string } | undefined)?.default ?? pkg.main ?? 'index.js'),
  )
  const mod = (await import(pathToFileURL(entry).href)) as { fileTypeFromBuffer?: FileTypeFromBuffer }
  if (typeof mod.fileTypeFromBuffer !== 'function') return null
  return { dir, entry, version: String(pkg.version), pkg, fn: mod.fileTypeFromBuffer }
}

async function bundleBytes(extra: string | null, minify: boolean): Promise<number> {
  const feedback = path.join(ROOT, 'cloudfunctions', 'feedback', 'index.ts')
  const contents = extra
    ? `export * from ${JSON.stringify(feedback)}\nimport { fileTypeFromBuffer } from 'file-type'\nexport const sniff = fileTypeFromBuffer\n`
    : `export * from ${JSON.stringify(feedback)}\n`
  const res = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    platform: 'node',
    target: FUNCTION_NODE_TARGET,
    format: 'cjs',
    external: [...EXTERNALS],
    minify,
    legalComments: 'none',
    logLevel: 'error',
    alias: extra ? { 'file-type': extra } : undefined,
  })
  return res.outputFiles[0].contents.length
}

const nsPer = (ms: number, n: number) => Math.round((ms * 1e6) / n)

async function main(): Promise<void> {
  const samples = sampleImages()
  const rounds = Number(arg('rounds') ?? 20_000)
  const lib = await loadFileType()
  if (!lib) console.log('file-type ≥ 16 not found: pass --file-type <prefix> (see the header); our figures only')

  console.log(`\n1. correctness on ${samples.length} sample files`)
  let oursOk = 0
  let libOk = 0
  const rows: string[][] = [['file', 'expected', 'ours', 'file-type']]
  for (const s of samples) {
    const ours = imageTypeOf(s.bytes)
    const got = lib ? await lib.fn(s.bytes) : undefined
    const libImage: ImageType | null = got && IMAGE_TYPES.has(got.mime) ? (got.mime as ImageType) : null
    if (ours === s.expected) oursOk += 1
    if (lib && libImage === s.expected) libOk += 1
    rows.push([s.name, String(s.expected), String(ours), lib ? (got ? got.mime : 'undefined') : '-'])
  }
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)))
  for (const r of rows) console.log(r.map((x, c) => x + ' '.repeat(w[c] - [...x].length)).join('  '))
  console.log(`ours ${oursOk}/${samples.length}` + (lib ? `, file-type ${lib.version} ${libOk}/${samples.length}` : ''))

  console.log(`\n2. speed: ${rounds} rounds × ${samples.length} files`)
  const n = rounds * samples.length
  let t = performance.now()
  let sink = 0
  for (let r = 0; r < rounds; r++) for (const s of samples) sink += imageTypeOf(s.bytes) ? 1 : 0
  const oursNs = nsPer(performance.now() - t, n)
  let libNs: number | null = null
  if (lib) {
    t = performance.now()
    for (let r = 0; r < rounds; r++) for (const s of samples) sink += (await lib.fn(s.bytes)) ? 1 : 0
    libNs = nsPer(performance.now() - t, n)
  }
  console.log(
    `ours ${oursNs} ns/file` + (libNs !== null ? `, file-type ${libNs} ns/file (×${(libNs / oursNs).toFixed(1)})` : ''),
  )
  if (sink < 0) console.log(sink)

  console.log('\n3. feedback function bundle (esbuild cjs node24, like scripts/buildFunctions.ts)')
  const base = await bundleBytes(null, false)
  const baseMin = await bundleBytes(null, true)
  const withLib = lib ? await bundleBytes(lib.entry, false) : null
  const withLibMin = lib ? await bundleBytes(lib.entry, true) : null
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10
  console.log(`without: ${kb(base)} KB (minified ${kb(baseMin)} KB)`)
  if (withLib !== null && withLibMin !== null)
    console.log(
      `with file-type: ${kb(withLib)} KB (+${kb(withLib - base)} KB), minified ${kb(withLibMin)} KB (+${kb(withLibMin - baseMin)} KB)`,
    )

  if (lib) {
    console.log('\n4. module fit')
    const exp = JSON.stringify(lib.pkg.exports)
    console.log(
      `file-type ${lib.version}: type ${String(lib.pkg.type)}, exports ${exp}, engines ${JSON.stringify(lib.pkg.engines)}`,
    )
    let requirable = 'yes'
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(lib.entry)
    } catch (e) {
      requirable = `no (${(e as Error).message.split('\n')[0]})`
    }
    console.log(`require() on Node ${process.version}: ${requirable}`)
  }

  console.log(
    JSON.stringify({
      bench: 'image-type',
      samples: samples.length,
      ours_correct: oursOk,
      library_correct: lib ? libOk : null,
      ours_ns: oursNs,
      library_ns: libNs,
      bundle_bytes: base,
      bundle_with_library_bytes: withLib,
      bundle_added_kb: withLib !== null ? kb(withLib - base) : null,
      bundle_added_min_kb: withLibMin !== null ? kb(withLibMin - baseMin) : null,
      library_version: lib?.version ?? null,
    }),
  )
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
