/** 用户与角色: set a user's roles by openid, with the grids of a 网格员 and the department of a 投诉处理人员. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Role } from '@shared/actions/define'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { ROLE_LABELS } from '@/stores/user.store'
import { useAdminActions } from '@/stores/admin.store'
import type { SetRolesAnswer } from '@/services/admin.service'
import { Chip } from '@/components/Chip'
import { Field, Notice, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

const CHOICES: Role[] = ['grid', 'handler', 'admin']

export default function AdminUsersPage() {
  const { busy, saveRoles } = useAdminActions()
  const [openid, setOpenid] = useState('')
  const [roles, setRolesState] = useState<Role[]>([])
  const [gridCodes, setGridCodes] = useState('')
  const [departmentId, setDepartmentId] = useState('')
  const [notice, setNotice] = useState<NoticeValue | null>(null)
  const [saved, setSaved] = useState<SetRolesAnswer | null>(null)

  const toggle = (r: Role) => setRolesState((xs) => (xs.includes(r) ? xs.filter((x) => x !== r) : [...xs, r]))
  const submit = async () => {
    const res = await saveRoles({ openid, roles: ['resident', ...roles], gridCodes, departmentId })
    if (res.ok) {
      setSaved(res.data)
      setNotice({ text: '角色已保存', error: false })
    } else setNotice({ text: res.error.message, error: true })
  }

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-users'>
        <Notice notice={notice} />
        <View className='zj-adm__block'>
          <Text className='zj-adm__title'>设置用户角色</Text>
          <Text className='zj-adm__hint'>每个用户都是居民；勾选要增加的角色。取消勾选会收回该角色及其绑定。每次修改都会记入操作日志。</Text>
          <Field label='用户 openid' value={openid} onChange={setOpenid} placeholder='如 o_demo_grid' testId='roles-openid' maxlength={64} />
          <Text className='zj-adm__label'>角色</Text>
          <View className='zj-adm__chips' role='group' aria-label='角色'>
            {CHOICES.map((r) => <Chip key={r} role='checkbox' mark label={ROLE_LABELS[r]} on={roles.includes(r)} onTap={() => toggle(r)} testId={`role-${r}`} />)}
          </View>
          {roles.includes('grid') && (
            <Field label='网格编码（多个用逗号分隔；留空则保留原有网格）' value={gridCodes} onChange={setGridCodes} placeholder='如 370102-001' testId='roles-grids' maxlength={2000} />
          )}
          {roles.includes('handler') && (
            <Field label='所属部门编号' value={departmentId} onChange={setDepartmentId} placeholder='如 dept-lixia' testId='roles-department' maxlength={64} />
          )}
          <View className='zj-adm__actions'>
            <ZjButton kind='primary' ariaLabel='保存用户角色' loading={busy || undefined} onClick={() => void submit()}>保存</ZjButton>
          </View>
        </View>
        {saved && (
          <View className='zj-adm__block' data-testid='roles-saved'>
            <Text className='zj-adm__title'>当前设置</Text>
            <Text className='zj-adm__row'>openid：{saved.openid}</Text>
            <View className='zj-adm__row'>{saved.roles.map((r) => <Tag key={r} tone='primary'>{ROLE_LABELS[r]}</Tag>)}</View>
            {saved.gridCodes.length > 0 && <Text className='zj-adm__row'>网格：{saved.gridCodes.join('、')}</Text>}
            {saved.departmentId && <Text className='zj-adm__row'>部门：{saved.departmentId}</Text>}
          </View>
        )}
      </View>
    </PageShell>
  )
}
