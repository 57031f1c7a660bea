/**
 * Notify seed: the demo residents' message centre (消息中心) is not empty on first start — a welcome message
 * and the policy-match notice whose push could not be delivered (the outreach seed has the matching visit task).
 * No consent grants are seeded: consent exists only where the WeChat double has it too, which happens through
 * the 消息订阅 page (H5: simulated tap) or POST /_emulator/wechat/consent.
 */
import { messageIdOf, outboxShardOf } from '../../cloudfunctions/_core/notifications'
import { TEMPLATES } from '../../shared/notify/templates'
import { DEMO_OPENIDS, DEMO_PERSON_IDS } from './base/demo'
import type { ModuleSeed } from './types'
import { toIsoCst } from '../../shared/calendar/chinaTime'

const HOUR = 3_600_000

const notifySeed: ModuleSeed = async (writer, options) => {
  const now = options.now.getTime()
  const message = (
    key: string,
    openid: string,
    title: string,
    body: string,
    template: string,
    page: string | null,
    atMs: number,
    read: boolean,
  ) => ({
    _id: messageIdOf(key),
    openid,
    key,
    title,
    body,
    page,
    template,
    read,
    createdAt: toIsoCst(atMs),
    createdAtMs: atMs,
    ...(read ? { readAt: toIsoCst(atMs + HOUR) } : {}),
  })
  const welcome = (openid: string) =>
    message(
      `seed:welcome:${openid}`,
      openid,
      '欢迎使用智就',
      '在「我的 - 消息订阅」开启提醒，政策、培训、求职和诉求进展会第一时间通知你；所有通知也都保存在这里。',
      'welcome',
      'packages/notify/subscribe/index',
      now - 48 * HOUR,
      true,
    )
  const policyKey = `seed:policy:${DEMO_PERSON_IDS.resident}`
  await writer.insertMany('messages', [
    welcome(DEMO_OPENIDS.resident),
    welcome(DEMO_OPENIDS.resident2),
    message(
      policyKey,
      DEMO_OPENIDS.resident,
      '你可能符合一项就业政策',
      '高校毕业生一次性求职创业补贴：根据你的档案，你可能符合申领条件，点击查看条件和所需材料。',
      'policyMatch',
      'pages/policies/index',
      now - 26 * HOUR,
      false,
    ),
  ])
  // the outbox record of that notice: skipped (no consent), fallback done (see the outreach seed's visit task)
  await writer.insertMany('outbox', [
    {
      _id: policyKey,
      key: policyKey,
      openid: DEMO_OPENIDS.resident,
      personId: DEMO_PERSON_IDS.resident,
      template: TEMPLATES.policyMatch.key,
      data: {
        policyName: '高校毕业生一次性求职创业补贴',
        result: '可申请',
        tip: '点击查看申领条件和所需材料',
        at: toIsoCst(now - 26 * HOUR),
      },
      page: 'pages/policies/index',
      title: '你可能符合一项就业政策',
      body: '高校毕业生一次性求职创业补贴：根据你的档案，你可能符合申领条件，点击查看条件和所需材料。',
      fallback: { kind: 'visitTask', reason: '政策匹配提醒无法送达（未授权订阅消息），请上门告知' },
      source: { module: 'policy', refId: 'seed' },
      state: 'skipped',
      shard: outboxShardOf(policyKey),
      attempts: 0,
      reason: 'noConsent: 没有剩余的订阅授权',
      fallbackDone: true,
      createdAt: toIsoCst(now - 26 * HOUR),
      createdAtMs: now - 26 * HOUR,
      nextAttemptAtMs: now - 26 * HOUR,
      stateChangedAtMs: now - 26 * HOUR + 60_000,
      claimToken: null,
      claimExpiresAtMs: null,
    },
  ])
}

export default notifySeed
