/**
 * requestConsent(group): ask for subscription-message consent (订阅消息授权) for one group of templates.
 * Call it directly from a tap handler (WeChat shows the dialog only in answer to a tap), before any await:
 *
 *   <ZjButton onClick={() => void requestConsent('training')}>开课提醒我</ZjButton>
 *
 * weapp: wx.requestSubscribeMessage (Taro.requestSubscribeMessage) with the group's template ids, then the
 * choices are reported to notify.recordConsent, which keeps our per-template balance.
 * H5 (browser demo and e2e): there is no WeChat dialog; acceptance is simulated: the WeChat double is told
 * (POST /__wechat/consent on the H5 server, which forwards it to the WeChat double of the emulator it is configured
 * with, as WeChat would record the tap), then recordConsent.
 * Never throws; resolves with what happened.
 */
import Taro from '@tarojs/taro'
import { templatesOfGroup, type ConsentGroup } from '@shared/notify/templates'
import { recordConsent, type ConsentItem } from './notify.service'
import { getDemoOpenid } from './demoIdentity'

export interface ConsentOutcome {
  /** Template ids the user accepted / refused (a 'ban' or 'filter' counts as refused). */
  accepted: string[]
  rejected: string[]
  /** The balances after recording (null when recording failed or nothing was asked). */
  items: ConsentItem[] | null
  /** Chinese explanation when the dialog could not be shown or the answer was not recorded. */
  error: string | null
}

/** Same origin as the page: the H5 server knows which emulator (and so which WeChat double) it talks to. */
export const H5_CONSENT_PATH = '/__wechat/consent'

async function simulateH5(tmplIds: string[]): Promise<Record<string, string>> {
  const openid = getDemoOpenid()
  if (!openid) throw new Error('no identity')
  const res = await fetch(H5_CONSENT_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ templateIds: tmplIds }),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
}

export async function requestConsent(group: ConsentGroup): Promise<ConsentOutcome> {
  const templates = templatesOfGroup(group)
  const tmplIds = templates.map((t) => t.id)
  let answer: Record<string, unknown>
  try {
    answer =
      process.env.TARO_ENV === 'h5'
        ? await simulateH5(tmplIds)
        : ((await Taro.requestSubscribeMessage({ tmplIds } as Parameters<
            typeof Taro.requestSubscribeMessage
          >[0])) as unknown as Record<string, unknown>)
  } catch {
    return { accepted: [], rejected: [], items: null, error: '暂时无法开启消息提醒，可在「我的 - 消息订阅」中重试' }
  }
  const accepted = tmplIds.filter((id) => answer[id] === 'accept')
  const rejected = tmplIds.filter((id) => answer[id] !== undefined && answer[id] !== 'accept')
  if (!accepted.length && !rejected.length) return { accepted, rejected, items: null, error: null }
  const res = await recordConsent(accepted, rejected)
  return res.ok
    ? { accepted, rejected, items: res.data.items, error: null }
    : { accepted, rejected, items: null, error: res.error.message }
}
