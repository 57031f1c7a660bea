/** @jest-environment node */
/**
 * 政策体检 and 政策详情 on the compiled weapp build against the real backend: the check starts from the bound
 * record, asks the one question that decides most, and a tap on an answer re-checks with it.
 */
import { SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'

jest.setTimeout(240_000)

const env = useSimulatedApp()

describe('weapp 政策体检', () => {
  it('given the bound demo resident, when the check opens for one policy, then the missing question is asked and an answer decides it', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('packages/policy/check/index', { id: 'job-seeking-subsidy' })
    await page.waitForText('体检结果', 30_000)
    await page.waitForText('还需补充信息')
    await page.waitForText('您是否为城乡低保家庭成员？')
    await page.tapText('是')
    await page.waitForText('符合条件', 30_000)
    expect(page.text()).toContain('符合 1 项')
    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
  })

  it('the detail shows amounts, materials, steps and the cited source', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('packages/policy/index/index', { id: 'unemployment-insurance-benefit' })
    await page.waitForText('失业保险金', 30_000)
    for (const t of ['补贴标准', '需要准备的材料', '怎么申请', '政策依据', '国务院令第258号'])
      expect(page.text()).toContain(t)
  })
})
