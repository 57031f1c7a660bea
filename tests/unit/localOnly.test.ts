/** The suites refuse to run against anything but the local emulator. */
import { localOnlyProblems } from '../helpers/localOnly'

test('a real key, a cloud environment or a remote address is refused', () => {
  expect(localOnlyProblems({ TENCENTCLOUD_SECRETID: 'AKIDxxxxxxxxxxxxxxxx' })).toHaveLength(1)
  expect(localOnlyProblems({ TCB_ENV: 'prod-1a2b3c' })).toHaveLength(1)
  expect(
    localOnlyProblems({ TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://prod.tcb-api.tencentcloudapi.com/admin' }) }),
  ).toHaveLength(1)
  expect(localOnlyProblems({ WX_API_BASE_URL: 'https://api.weixin.qq.com' })).toHaveLength(1)
})

test('the emulator configuration passes', () => {
  expect(
    localOnlyProblems({
      TENCENTCLOUD_SECRETID: 'local',
      TCB_ENV: 'local',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:9000/admin' }),
      WX_API_BASE_URL: 'http://127.0.0.1:9000',
    }),
  ).toEqual([])
})
