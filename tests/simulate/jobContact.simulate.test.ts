/** @jest-environment node */
/**
 * 同意招聘方/经办人员联系我 on the compiled weapp build (issue 14): the applicant turns it on in 我的投递, and the
 * staff's application view keeps the phone masked until 「查看完整号码」 reveals it (only when she agreed).
 */
import { useSimulatedApp } from '../helpers/simulate'
import { aPosting, STAFF } from '../functions/jobFixtures'

jest.setTimeout(240_000)

const env = useSimulatedApp()
let n = 0

/** A fresh posting by the demo handler and the resident's application to it. */
async function anApplication(openid: string, contactConsent: boolean) {
  const jobId = (await env.emu.call(STAFF, 'job', aPosting())).data.id as string
  const r = await env.emu.call(openid, 'job', {
    action: 'apply',
    jobId,
    requestId: `sim-contact-${Date.now().toString(36)}-${++n}`,
    contactConsent,
  })
  expect(r.ok).toBe(true)
  return { jobId, applicationId: r.data.applicationId as string }
}
const applicationDoc = async (id: string) =>
  ((await env.emu.sdk().database().collection('applications').doc(id).get()).data as Record<string, unknown>[])[0]

describe('weapp 我的投递: consent to be contacted', () => {
  it('given an application without consent, when the resident taps 同意招聘方/经办人员联系我, then it is saved on the server and the posting does not open', async () => {
    const { applicationId } = await anApplication('o_demo_resident2', false)
    const app = env.open('o_demo_resident2')
    const page = await app.openPage('packages/job/applications/index')
    await page.waitForText('同意招聘方/经办人员联系我', 30_000)
    await page.tapText('同意招聘方/经办人员联系我')
    await app.settle()
    expect(await applicationDoc(applicationId)).toMatchObject({ contactConsent: true })
    expect(app.navigations()).toEqual([])
    page.close()
  })
})

describe('weapp staff application view: 查看完整号码', () => {
  it('given an applicant who agreed to be contacted, when staff tap 查看完整号码, then the full number shows and the reveal is audited', async () => {
    const { jobId, applicationId } = await anApplication('o_demo_resident', true)
    const app = env.open(STAFF)
    const page = await app.openPage('packages/job/staff/applications/index', { jobId })
    await page.waitForText('查看完整号码', 30_000)
    expect(page.text()).toContain('138****0001')
    expect(page.text()).not.toContain('13805310001')
    await page.tapText('查看完整号码')
    await page.waitForText('13805310001', 30_000)
    expect(page.text()).toContain('本次查看已记录')
    const audit = (
      await env.emu
        .sdk()
        .database()
        .collection('audit_logs')
        .where({ event: 'job.revealContact', targetId: applicationId })
        .limit(10)
        .get()
    ).data as { actor: string; outcome: string }[]
    expect(audit).toEqual([expect.objectContaining({ actor: STAFF, outcome: 'ok' })])
    await app.settle()
    page.close()
  })

  it('given an applicant who did not agree, then the phone stays masked and there is no 查看完整号码', async () => {
    const { jobId } = await anApplication('o_demo_resident2', false)
    const app = env.open(STAFF)
    const page = await app.openPage('packages/job/staff/applications/index', { jobId })
    await page.waitForText('求职者未同意被联系，号码已隐去', 30_000)
    expect(page.text()).not.toContain('查看完整号码')
    expect(page.text()).toMatch(/139\*{4}0002/)
    await app.settle()
    page.close()
  })
})
