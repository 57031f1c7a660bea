/** 账号限制: block an account (its write actions are refused from then on) with a reason, or lift the block. */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { useAdminActions } from '@/stores/workbench.store'
import { Field, Notice, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

export default function AdminBlocksPage() {
  const { busy, block, unblock } = useAdminActions()
  const [openid, setOpenid] = useState('')
  const [reason, setReason] = useState('')
  const [notice, setNotice] = useState<NoticeValue | null>(null)

  const doBlock = async () => {
    const res = await block(openid, reason)
    if (res.ok) {
      setNotice({ text: `已限制账号 ${openid.trim()}：此后该账号的提交、报名等写操作将被拒绝`, error: false })
      setReason('')
    } else setNotice({ text: res.error.message, error: true })
  }
  const doUnblock = async () => {
    const res = await unblock(openid)
    setNotice(
      res.ok ? { text: `已解除账号 ${openid.trim()} 的限制`, error: false } : { text: res.error.message, error: true },
    )
  }

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-blocks'>
        <Notice notice={notice} />
        <View className='zj-adm__block'>
          <Text className='zj-adm__title'>限制账号</Text>
          <Text className='zj-adm__hint'>
            被限制的账号仍可浏览，但不能提交、报名、申请等。限制与解除都会记入操作日志。
          </Text>
          <Field
            label='用户 openid'
            value={openid}
            onChange={setOpenid}
            placeholder='如 o_demo_resident2'
            testId='block-openid'
            maxlength={64}
          />
          <Field
            label='限制原因（2–200字，解除时不需要）'
            value={reason}
            onChange={setReason}
            placeholder='如：多次恶意提交虚假投诉'
            testId='block-reason'
            multiline
            maxlength={200}
          />
          <View className='zj-adm__actions'>
            <ZjButton kind='danger' ariaLabel='限制该账号' loading={busy || undefined} onClick={() => void doBlock()}>
              限制账号
            </ZjButton>
            <ZjButton ariaLabel='解除该账号的限制' loading={busy || undefined} onClick={() => void doUnblock()}>
              解除限制
            </ZjButton>
          </View>
        </View>
        <ZjButton
          ariaLabel='查看账号限制的操作日志'
          onClick={() =>
            void Taro.navigateTo({
              url: `/packages/staff/admin/audit/index?event=privacy.block${openid.trim() ? `&targetId=${encodeURIComponent(openid.trim())}` : ''}`,
            })
          }
        >
          查看限制记录
        </ZjButton>
      </View>
    </PageShell>
  )
}
