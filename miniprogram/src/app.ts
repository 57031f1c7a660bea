import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { watchNetwork } from './stores/ui.store'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchNetwork()
  })
  // children: the page being shown
  return children
}

export default App
