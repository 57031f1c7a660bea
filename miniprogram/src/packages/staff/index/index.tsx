/** 工作台: the staff home. Handlers see their complaint inbox; admins see every admin tool, with counts where cheap. */
import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Role } from '@shared/actions/define'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { useUserStore } from '@/stores/user.store'
import { useWorkbenchStore } from '@/stores/workbench.store'
import '@/packages/staff/admin/admin.scss'

interface Entry {
  key: string
  title: string
  desc: string
  url: string
  roles: Role[]
}

const ENTRIES: Entry[] = [
  {
    key: 'applications',
    title: '办事审核',
    desc: '本部门的登记与政策申领审核',
    url: '/packages/application/queue/index',
    roles: ['handler', 'admin'],
  },
  {
    key: 'feedback',
    title: '投诉工单',
    desc: '本部门的投诉与建议待办',
    url: '/packages/staff/feedback/inbox/index',
    roles: ['handler', 'admin'],
  },
  {
    key: 'users',
    title: '用户与角色',
    desc: '设置网格员、投诉处理人员、管理员',
    url: '/packages/staff/admin/users/index',
    roles: ['admin'],
  },
  {
    key: 'blocks',
    title: '账号限制',
    desc: '限制或解除限制账号的写操作',
    url: '/packages/staff/admin/blocks/index',
    roles: ['admin'],
  },
  {
    key: 'audit',
    title: '操作日志',
    desc: '按操作人、事件、对象、日期检索',
    url: '/packages/staff/admin/audit/index',
    roles: ['admin'],
  },
  {
    key: 'requests',
    title: '数据申请',
    desc: '居民的更正与注销申请',
    url: '/packages/staff/admin/requests/index',
    roles: ['admin'],
  },
  {
    key: 'outbox',
    title: '消息发送',
    desc: '发件箱、死信重发、立即发送',
    url: '/packages/staff/admin/outbox/index',
    roles: ['admin'],
  },
  {
    key: 'policy',
    title: '政策发布',
    desc: '修改政策并试算影响人数后发布新版本',
    url: '/packages/staff/admin/policy/index',
    roles: ['admin'],
  },
  {
    key: 'jobs',
    title: '岗位管理',
    desc: '发布岗位、处理求职申请',
    url: '/packages/job/staff/index',
    roles: ['admin'],
  },
  {
    key: 'assistant',
    title: '问答知识库',
    desc: '问一问答不上来的问题、常见问题维护',
    url: '/packages/assistant/staff/index',
    roles: ['handler', 'admin'],
  },
  {
    key: 'holidays',
    title: '节假日日历',
    desc: '办理期限使用的节假日与调休安排',
    url: '/packages/assistant/holidays/index',
    roles: ['handler', 'admin'],
  },
  {
    key: 'monitor',
    title: '就业监测',
    desc: '失业、岗位、供需、政策触达、诉求与走访，按地区逐级查看',
    url: '/packages/monitor/index/index',
    roles: ['handler', 'admin'],
  },
  {
    key: 'exchange',
    title: '数据导入导出',
    desc: '导入人员、岗位、课程，导出名单与服务记录',
    url: '/packages/exchange/index/index',
    roles: ['handler', 'admin'],
  },
]

export default function StaffWorkbenchPage() {
  const { status, error, roles, load } = useUserStore()
  const { pendingRequests, pendingMore, counts, loadCounts } = useWorkbenchStore()
  const isAdmin = roles.includes('admin')

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (isAdmin) void loadCounts()
  }, [isAdmin, loadCounts])
  useDidShow(() => {
    if (isAdmin) void loadCounts()
  })
  usePullDownRefresh(() => {
    void Promise.all([load(true), isAdmin ? loadCounts() : Promise.resolve()]).finally(() => Taro.stopPullDownRefresh())
  })

  const countOf = (key: string): string | null => {
    if (key === 'requests' && pendingRequests) return `${pendingRequests}${pendingMore ? '+' : ''} 件待办理`
    if (key === 'outbox' && counts && counts.dead + counts.uncertain > 0) {
      return [counts.dead ? `${counts.dead} 条死信` : '', counts.uncertain ? `${counts.uncertain} 条结果不明` : '']
        .filter(Boolean)
        .join('，')
    }
    return null
  }
  const visible = ENTRIES.filter((e) => e.roles.some((r) => roles.includes(r)))

  return (
    <PageShell>
      <View className='zj-adm' data-testid='staff-workbench'>
        <View className='zj-adm__title' role='heading' aria-level={1}>
          <Text>工作台</Text>
        </View>
      </View>
      <PageState
        status={status}
        error={error}
        onRetry={() => void load(true)}
        empty={visible.length === 0}
        emptyText='工作台仅对工作人员开放。如需开通，请联系管理员。'
      >
        <View className='zj-adm__grid'>
          {visible.map((e) => {
            const count = countOf(e.key)
            return (
              <View
                key={e.key}
                className='zj-adm__entry'
                role='link'
                aria-label={`${e.title}${count ? `，${count}` : ''}`}
                data-testid={`entry-${e.key}`}
                hoverClass='zj-card--hover'
                onClick={() => void Taro.navigateTo({ url: e.url })}
              >
                <Text className='zj-adm__entry-title'>{e.title}</Text>
                <Text className='zj-adm__entry-desc'>{e.desc}</Text>
                {count && <Text className='zj-adm__count'>{count}</Text>}
              </View>
            )
          })}
        </View>
      </PageState>
    </PageShell>
  )
}
