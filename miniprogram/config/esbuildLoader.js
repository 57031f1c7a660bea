/**
 * Webpack loader: TypeScript + JSX → modern JS with esbuild, before babel-preset-taro runs.
 * Why: babel-preset-taro's React path needs @babel/preset-react, which this project does not install; esbuild
 * (already a dependency) strips types and applies the automatic JSX runtime, and babel then does the rest
 * (preset-env per browserslist, transform-runtime, removal of definePageConfig). See docs/adr/0002.
 */
const esbuild = require('esbuild')

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.jsx': 'jsx' }

module.exports = function esbuildLoader(source, inputMap) {
  const ext = (this.resourcePath.match(/\.[^./\\]+$/) || [''])[0]
  const loader = LOADERS[ext]
  if (!loader) return this.callback(null, source, inputMap)
  const done = this.async()
  esbuild
    .transform(source, {
      loader,
      format: 'esm',
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'react',
      sourcefile: this.resourcePath,
      sourcemap: this.sourceMap ? 'external' : false,
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, verbatimModuleSyntax: false } },
    })
    .then((r) => done(null, r.code, r.map || undefined), done)
}
