/**
 * 用户与角色: look a user up by openid (their current roles, grids and department are loaded first), change them,
 * and confirm before a role the user holds is taken away. The department of a 投诉处理人员 is picked by name.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { Role } from '@shared/actions/define'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { ROLE_LABELS } from '@/stores/user.store'
import { useAdminActions } from '@/stores/workbench.store'
import { droppedRoles } from '@/utils/staffForms'
import type { RolesAnswer, SetRolesAnswer } from '@/services/admin.service'
import { Chip } from '@/components/Chip'
import { Field, Notice, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

const CHOICES: Role[] = ['grid', 'handler', 'admin']

export default function AdminUsersPage() {
  const { busy, saveRoles, loadRoles } = useAdminActions()
  const [openid, setOpenid] = useState('')
  const [loaded, setLoaded] = useState<RolesAnswer | null>(null)
  const [roles, setRolesState] = useState<Role[]>([])
  const [gridCodes, setGridCodes] = useState('')
  const [departmentId, setDepartmentId] = useState('')
  const [notice, setNotice] = useState<NoticeValue | null>(null)
  const [saved, setSaved] = useState<SetRolesAnswer | null>(null)

  // 保存 only for the user whose current roles are on screen: never overwrite roles that were not shown.
  const ready = !!loaded && loaded.openid === openid.trim()
  const departments = loaded?.departments ?? []
  const deptIndex = departments.findIndex((d) => d.id === departmentId)
  const deptName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? id ?? ''

  const changeOpenid = (v: string) => {
    setOpenid(v)
    setSaved(null)
  }
  const lookUp = async () => {
    setSaved(null)
    const res = await loadRoles(openid)
    if (!res.ok) {
      setLoaded(null)
      setNotice({ text: res.error.message, error: true })
      return
    }
    setLoaded(res.data)
    setRolesState(res.data.roles.filter((r) => r !== 'resident'))
    setGridCodes(res.data.gridCodes.join('，'))
    setDepartmentId(res.data.departmentId ?? '')
    setNotice({
      text: res.data.exists ? '已读取该用户当前的角色' : '该用户还没有使用过小程序，保存后按所选角色创建',
      error: false,
    })
  }
  const toggle = (r: Role) => setRolesState((xs) => (xs.includes(r) ? xs.filter((x) => x !== r) : [...xs, r]))
  const submit = async () => {
    if (!loaded || !ready) {
      setNotice({ text: '请先点「查询当前角色」，确认该用户现有的角色后再保存', error: true })
      return
    }
    const dropped = droppedRoles(loaded.roles, roles)
    if (dropped.length) {
      const binding = dropped.map((r) =>
        r === 'grid' && loaded.gridCodes.length
          ? `${ROLE_LABELS[r]}（网格 ${loaded.gridCodes.join('、')}）`
          : r === 'handler' && loaded.departmentId
            ? `${ROLE_LABELS[r]}（${deptName(loaded.departmentId)}）`
            : ROLE_LABELS[r],
      )
      const answer = await Taro.showModal({
        title: '确认收回角色',
        content: `将收回：${binding.join('、')}，以及对应的绑定。确定吗？`,
        confirmText: '确定收回',
        cancelText: '再想想',
      })
      if (!answer.confirm) return
    }
    const res = await saveRoles({ openid, roles: ['resident', ...roles], gridCodes, departmentId })
    if (res.ok) {
      setSaved(res.data)
      setLoaded({ ...loaded, ...res.data, exists: true })
      setNotice({ text: '角色已保存', error: false })
    } else setNotice({ text: res.error.message, error: true })
  }

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-users'>
        <Notice notice={notice} />
        <View className='zj-adm__block'>
          <Text className='zj-adm__title'>设置用户角色</Text>
          <Text className='zj-adm__hint'>
            先查询用户当前的角色，再勾选要保留或增加的角色。取消勾选会收回该角色及其绑定（保存前会再次确认）。每次修改都会记入操作日志。
          </Text>
          <Field
            label='用户 openid'
            value={openid}
            onChange={changeOpenid}
            placeholder='如 o_demo_grid'
            testId='roles-openid'
            maxlength={64}
          />
          <View className='zj-adm__actions'>
            <ZjButton ariaLabel='查询当前角色' loading={busy || undefined} onClick={() => void lookUp()}>
              查询当前角色
            </ZjButton>
          </View>
          {ready && loaded && (
            <View data-testid='roles-current'>
              <Text className='zj-adm__label'>当前角色</Text>
              <View className='zj-adm__row'>
                {loaded.roles.map((r) => (
                  <Tag key={r} tone='primary'>
                    {ROLE_LABELS[r]}
                  </Tag>
                ))}
              </View>
              {loaded.gridCodes.length > 0 && <Text className='zj-adm__row'>网格：{loaded.gridCodes.join('、')}</Text>}
              {loaded.departmentId && <Text className='zj-adm__row'>部门：{deptName(loaded.departmentId)}</Text>}
              <Text className='zj-adm__label'>修改为</Text>
              <View className='zj-adm__chips' role='group' aria-label='角色'>
                {CHOICES.map((r) => (
                  <Chip
                    key={r}
                    role='checkbox'
                    mark
                    label={ROLE_LABELS[r]}
                    on={roles.includes(r)}
                    onTap={() => toggle(r)}
                    testId={`role-${r}`}
                  />
                ))}
              </View>
              {roles.includes('grid') && (
                <Field
                  label='网格编码（多个用逗号分隔）'
                  value={gridCodes}
                  onChange={setGridCodes}
                  placeholder='如 370102003-01'
                  testId='roles-grids'
                  maxlength={2000}
                />
              )}
              {roles.includes('handler') && (
                <View data-testid='roles-department'>
                  <Text className='zj-adm__label'>所属部门</Text>
                  <Picker
                    mode='selector'
                    range={departments.map((d) => d.name)}
                    value={Math.max(0, deptIndex)}
                    onChange={(e) => setDepartmentId(departments[Number(e.detail.value)]?.id ?? '')}
                  >
                    <View className='zj-adm__input zj-adm__picker' aria-label='选择所属部门'>
                      <Text>{deptIndex >= 0 ? departments[deptIndex].name : '请选择部门'}</Text>
                    </View>
                  </Picker>
                </View>
              )}
              <View className='zj-adm__actions'>
                <ZjButton
                  kind='primary'
                  ariaLabel='保存用户角色'
                  loading={busy || undefined}
                  onClick={() => void submit()}
                >
                  保存
                </ZjButton>
              </View>
            </View>
          )}
        </View>
        {saved && (
          <View className='zj-adm__block' data-testid='roles-saved'>
            <Text className='zj-adm__title'>已保存</Text>
            <Text className='zj-adm__row'>openid：{saved.openid}</Text>
            <View className='zj-adm__row'>
              {saved.roles.map((r) => (
                <Tag key={r} tone='primary'>
                  {ROLE_LABELS[r]}
                </Tag>
              ))}
            </View>
            {saved.gridCodes.length > 0 && <Text className='zj-adm__row'>网格：{saved.gridCodes.join('、')}</Text>}
            {saved.departmentId && <Text className='zj-adm__row'>部门：{deptName(saved.departmentId)}</Text>}
          </View>
        )}
      </View>
    </PageShell>
  )
}
