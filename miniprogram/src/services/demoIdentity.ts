/**
 * The dev-only demo identity of the H5 build (docs/contract.md "Demo identities"). The H5 server forwards it to the
 * emulator as the `x-wx-openid` header, the stand-in for the identity WeChat injects. In the weapp build the
 * identity comes from WeChat itself and none of this is used.
 */
export interface DemoIdentity {
  openid: string
  label: string
}

export const DEMO_IDENTITY_LIST: readonly DemoIdentity[] = [
  { openid: 'o_demo_resident', label: '居民（应届毕业生，历下区）' },
  { openid: 'o_demo_resident2', label: '居民二' },
  { openid: 'o_demo_grid', label: '网格员' },
  { openid: 'o_demo_grid2', label: '网格员二（另一网格）' },
  { openid: 'o_demo_handler', label: '投诉处理人员（历下区）' },
  { openid: 'o_demo_handler2', label: '投诉处理人员二（其他地区）' },
  { openid: 'o_demo_admin', label: '管理员' },
]

export const DEFAULT_DEMO_OPENID = 'o_demo_resident'
/** localStorage key; '' stored means anonymous (未登录). */
export const DEMO_STORAGE_KEY = 'zhijiu.demoOpenid'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The chosen demo openid; null = anonymous. Only meaningful in the H5 build. */
export function getDemoOpenid(): string | null {
  const saved = storage()?.getItem(DEMO_STORAGE_KEY)
  if (saved === null || saved === undefined) return DEFAULT_DEMO_OPENID
  return saved === '' ? null : saved
}

export function setDemoOpenid(openid: string | null): void {
  storage()?.setItem(DEMO_STORAGE_KEY, openid ?? '')
}

/** Openids made by 「新用户（未绑定）」 start with this (a fresh one each time: a first run in the browser). */
export const NEW_USER_PREFIX = 'o_new_'
export const NEW_USER_LABEL = '新用户（未绑定）'

export function freshNewUserOpenid(): string {
  return `${NEW_USER_PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

export function demoLabel(openid: string | null): string {
  if (!openid) return '未登录（匿名）'
  if (openid.startsWith(NEW_USER_PREFIX)) return NEW_USER_LABEL
  return DEMO_IDENTITY_LIST.find((d) => d.openid === openid)?.label ?? openid
}
