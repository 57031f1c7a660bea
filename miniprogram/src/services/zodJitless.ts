/**
 * Client-side `zod`: the mini-program's JS engine refuses eval / new Function, and zod 4 probes for them.
 * The build aliases the bare specifier `zod` to this file (config/index.ts), so every client import of zod,
 * shared/ schemas included, gets `jitless: true` before any schema runs. Prefer `zod/mini` in pages.
 */
// `zod/v4` is the same API as `zod`; the `zod$` alias matches only the bare specifier, so this is the real one.
import { z } from 'zod/v4'

z.config({ jitless: true })

export * from 'zod/v4'
export default z
