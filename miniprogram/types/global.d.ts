/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

/** CloudBase env id for the weapp build (build-time constant; '' = DevTools default env). */
declare const CLOUD_ENV: string
/** true in H5 builds that show the dev-only demo identity switcher. */
declare const DEMO_IDENTITIES: boolean

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony'
  }
}
