/** districts: the districts of a city for the 意向地区 picker of 我的资料 and the welcome (GB/T 2260 from the seed). */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import type { ActionContext } from '../../_core/function'
import { districtsOf } from '../repositories/reference.repository'

export interface DistrictsResult {
  cityCode: string
  items: { code: string; name: string }[]
}

export async function districts(
  input: InputOf<typeof userActions, 'districts'>,
  _ctx: ActionContext,
): Promise<DistrictsResult> {
  return { cityCode: input.cityCode, items: await districtsOf(input.cityCode) }
}
