/**
 * Materials photos go through the same image pipeline as feedback photos: img_sec_check on the stored bytes, or
 * for a photo over its limits (an old client that did not compress) media_check_async, whose verdict arrives later:
 * the submission is refused with 「稍后再提交」 meanwhile and goes through once WeChat's verdict is recorded.
 */
import { AppError } from '../../../shared/errors'
import { contentChecker } from '../../feedback/services/contentCheck.service'

/** Every new file must be a stored, safe image; a kept file (我的材料) was checked when it was first used. */
export async function checkMaterialFiles(
  fileIds: string[],
  openid: string,
  alreadyChecked: Set<string>,
  nowMs: number = Date.now(),
): Promise<void> {
  let pending = false
  for (const fileId of fileIds) {
    if (alreadyChecked.has(fileId)) continue
    const v = await contentChecker().checkImage({ fileId, openid, nowMs })
    if (v === 'pending') {
      pending = true
      continue
    }
    if (v === 'missing')
      throw new AppError('VALIDATION_FAILED', '材料图片不存在，请重新上传', {
        fields: [{ path: 'attachments', message: '图片不存在' }],
      })
    if (v === 'risky') throw new AppError('CONTENT_REJECTED', '材料图片未通过安全检测，请更换后重新上传')
    if (v === 'unavailable') throw new AppError('UPSTREAM_UNAVAILABLE', '图片检测暂不可用，请稍后再试')
  }
  if (pending) throw new AppError('UPSTREAM_UNAVAILABLE', MATERIAL_PHOTO_PENDING)
}

export const MATERIAL_PHOTO_PENDING = '图片较大，正在进行安全检测，请几分钟后再提交'
