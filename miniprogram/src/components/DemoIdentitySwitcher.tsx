import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  DEMO_IDENTITY_LIST,
  demoLabel,
  freshNewUserOpenid,
  getDemoOpenid,
  NEW_USER_LABEL,
  setDemoOpenid,
} from '@/services/demoIdentity'

/**
 * Dev-only (H5 build): pick one of the contract's demo identities. Rendered nowhere in weapp builds
 * (DEMO_IDENTITIES is a build-time constant, so the code is dropped there).
 */
export function DemoIdentitySwitcher({ compact = false }: { compact?: boolean }) {
  const [open, setOpen] = useState(false)
  if (!DEMO_IDENTITIES || process.env.TARO_ENV !== 'h5') return null
  const current = getDemoOpenid()
  const choose = (openid: string | null) => {
    setDemoOpenid(openid)
    // a clean start for every store under the new identity
    window.location.reload()
  }
  return (
    <View className={`zj-demo ${compact ? 'zj-demo--compact' : ''}`} data-testid='demo-identity'>
      <View className='zj-demo__head' onClick={() => setOpen(!open)} role='button' aria-label='切换演示身份'>
        <Text>演示身份：{demoLabel(current)}</Text>
        <Text className='zj-demo__toggle'>{open ? '收起' : '切换'}</Text>
      </View>
      {open && (
        <View className='zj-demo__list' role='listbox' aria-label='演示身份'>
          {[...DEMO_IDENTITY_LIST.map((d) => d.openid), null].map((openid) => (
            <View
              key={openid ?? 'anonymous'}
              className={`zj-demo__item ${openid === current ? 'zj-demo__item--on' : ''}`}
              role='option'
              aria-selected={openid === current}
              data-openid={openid ?? ''}
              onClick={() => choose(openid)}
            >
              <Text>{demoLabel(openid)}</Text>
            </View>
          ))}
          <View
            className='zj-demo__item'
            role='option'
            aria-selected={false}
            data-openid='new'
            data-testid='demo-new-user'
            onClick={() => choose(freshNewUserOpenid())}
          >
            <Text>{NEW_USER_LABEL}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
