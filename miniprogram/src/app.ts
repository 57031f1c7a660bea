import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { mergeInternalComponents } from '@tarojs/shared'
import { A11Y_COMPONENT_ATTRIBUTES } from './a11yAttributes'
import { watchNetwork } from './stores/ui.store'
import './app.scss'

// the runtime half of the weapp screen-reader attributes (a11yAttributes.ts): before the first page renders
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(A11Y_COMPONENT_ATTRIBUTES)

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchNetwork()
  })
  // children: the page being shown
  return children
}

export default App
