/**
 * Taro build config for 智就. Taro reads `config/index.ts` from the folder it runs in, so every build runs
 * with `miniprogram/` as its working directory (see package.json scripts and scripts/taroBuild.ts).
 *
 * - outputRoot: `dist/${TARO_ENV}` at the repo root, overridable with TARO_OUTPUT_ROOT (absolute or relative
 *   to the repo root) so several builds can run at once without clobbering each other.
 * - The root `shared/` folder is compiled too (`compile.include`) and reachable as `@shared/...`;
 *   `@/...` is `miniprogram/src/...` (no `../../../` chains).
 * - `zod` on the client resolves to a wrapper that sets `z.config({ jitless: true })` first (the
 *   mini-program's JS engine refuses eval/new Function).
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { enableWeappA11y } from './weappA11y'

const appDir = path.resolve(__dirname, '..')
const repoRoot = path.resolve(appDir, '..')
const sharedDir = path.join(repoRoot, 'shared')

/** TS/TSX go through esbuild first (loaders run last-to-first, so it is placed after babel-loader). */
function useEsbuildForTs(chain: { module: { rule: (n: string) => any } }): void {
  chain.module.rule('script').use('esbuildLoader').loader(path.join(__dirname, 'esbuildLoader.js')).after('babelLoader')
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV || 'weapp'
  if (platform === 'weapp') enableWeappA11y()
  const outputRoot = process.env.TARO_OUTPUT_ROOT
    ? path.resolve(repoRoot, process.env.TARO_OUTPUT_ROOT)
    : path.join(repoRoot, 'dist', platform)
  const isProd = process.env.NODE_ENV !== 'development'

  const alias = {
    '@shared': sharedDir,
    // `@/x` is miniprogram/src/x (same mapping in tsconfig.json paths and jest.config.js moduleNameMapper)
    '@': path.join(appDir, 'src'),
    zod$: path.join(appDir, 'src/services/zodJitless.ts'),
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhijiu',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      // CloudBase environment id for Taro.cloud.init in the weapp build ('' → the DevTools default env).
      CLOUD_ENV: JSON.stringify(process.env.TCB_ENV_ID || ''),
      // The dev-only identity switcher exists only in non-production H5 builds or when forced.
      DEMO_IDENTITIES: JSON.stringify(platform === 'h5' && process.env.ZJ_DEMO_IDENTITIES !== '0'),
    },
    alias,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      webpackChain: useEsbuildForTs,
      compile: { include: [sharedDir] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      webpackChain: useEsbuildForTs,
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedDir] },
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      devServer: { port: 10087 },
    },
  }

  // Production builds are minified by Taro itself; development (`--watch`) keeps source maps.
  return merge({}, baseConfig, isProd ? {} : { mini: { debugReact: true } })
})
