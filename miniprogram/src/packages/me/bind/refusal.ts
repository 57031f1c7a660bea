/** The Chinese heading and text of each way a binding can be refused (the server's message is the detail). */
import type { ErrorBody } from '@shared/errors'
import { userActions } from '@shared/actions/user'

export interface Refusal {
  title: string
  text: string
}

export function bindRefusal(error: ErrorBody): Refusal {
  switch (error.code) {
    case 'NOT_FOUND':
      return { title: '未能核对成功', text: error.message }
    case 'RATE_LIMITED':
      return { title: '尝试次数过多', text: error.message }
    case 'CONFLICT':
      return { title: '无法绑定', text: error.message }
    case 'VALIDATION_FAILED':
      return { title: '信息格式有误', text: error.message }
    case 'UNAUTHENTICATED':
      return { title: '尚未登录', text: '请重新打开小程序后再试' }
    default:
      return { title: '暂时无法绑定', text: error.message || '网络或服务暂时不可用，请稍后再试' }
  }
}

/** The device-side check with the shared schema: a Chinese message per field, empty when fine. */
export function checkBindInput(name: string, idNumber: string): { name?: string; idNumber?: string } {
  const r = userActions.actions.bindResident.input.safeParse({ name, idNumber })
  if (r.success) return {}
  const out: { name?: string; idNumber?: string } = {}
  for (const issue of r.error.issues) {
    const key = issue.path[0] === 'name' ? 'name' : 'idNumber'
    out[key] ??= key === 'name' && !name.trim() ? '请填写姓名' : issue.message
  }
  return out
}
