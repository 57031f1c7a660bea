// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// TypeScript and JSX are already compiled by config/esbuildLoader.js, so the preset runs without its React and
// TypeScript parts (framework 'react-esbuild' is not a name it knows; ts: false).
module.exports = {
  presets: [['taro', { framework: 'react-esbuild', ts: false, compiler: 'webpack5' }]],
}
