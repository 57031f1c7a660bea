/** 我的数据: export everything the service holds about me, ask for a correction or for deletion, follow the requests. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/utils/format'
import { usePrivacyStore } from '@/stores/privacy.store'
import '@/packages/me/privacy/privacy.scss'

export default function MyDataPage() {
  const { requests, notice, loading, exportSummary, exportJson, loadRequests, exportData, askCorrection, askDeletion } =
    usePrivacyStore()
  // 「有误？申请更正」 on a register fact opens this page with the item filled in
  const [field, setField] = useState(() => decodeURIComponent(Taro.getCurrentInstance().router?.params?.field ?? ''))
  const [value, setValue] = useState('')

  useEffect(() => {
    void loadRequests()
  }, [loadRequests])
  usePullDownRefresh(() => void loadRequests().finally(() => Taro.stopPullDownRefresh()))

  const submitCorrection = async () => {
    if (!field.trim() || !value.trim())
      return void Taro.showToast({ title: '请填写要更正的项目和正确内容', icon: 'none' })
    if (await askCorrection(field.trim(), value.trim())) {
      setField('')
      setValue('')
    }
  }
  const confirmDeletion = async () => {
    const r = await Taro.showModal({
      title: '注销账号',
      content: '注销后将解除实名绑定，删除你的收藏、消息和订阅授权，求职和反馈记录去除身份信息。确定申请吗？',
      confirmText: '确定申请',
      cancelText: '再想想',
    })
    if (r.confirm) await askDeletion()
  }
  const copy = () => exportJson && void Taro.setClipboardData({ data: exportJson })

  return (
    <PageShell>
      <View className='zj-pv' data-testid='my-data'>
        {notice && (
          <View className='zj-pv__section' role='status' aria-live='polite'>
            <Text>{notice}</Text>
          </View>
        )}
        <View className='zj-pv__section'>
          <Text className='zj-pv__title'>导出我的数据</Text>
          <Text>包括实名信息（完整号码）、求职、培训、反馈、消息、政策匹配和走访记录。导出会被记录。</Text>
          <View className='zj-pv__actions'>
            <ZjButton kind='primary' ariaLabel='导出我的数据' loading={loading} onClick={() => void exportData()}>
              导出我的数据
            </ZjButton>
          </View>
          {exportSummary && (
            <View data-testid='export-summary'>
              {exportSummary.map((s) => (
                <View key={s.label}>
                  <Text>
                    {s.label}：{s.count} 条
                  </Text>
                </View>
              ))}
              <ZjButton size='small' ariaLabel='复制导出的数据' onClick={copy}>
                复制全部数据（JSON）
              </ZjButton>
            </View>
          )}
        </View>
        <View className='zj-pv__section'>
          <Text className='zj-pv__title'>申请更正</Text>
          <Input
            className='zj-pv__input'
            value={field}
            placeholder='哪一项有误，如：学历'
            aria-label='要更正的项目'
            onInput={(e) => setField(e.detail.value)}
          />
          <Input
            className='zj-pv__input'
            value={value}
            placeholder='正确的内容'
            aria-label='正确的内容'
            onInput={(e) => setValue(e.detail.value)}
          />
          <ZjButton ariaLabel='提交更正申请' onClick={() => void submitCorrection()}>
            提交更正申请
          </ZjButton>
        </View>
        <View className='zj-pv__section'>
          <Text className='zj-pv__title'>注销账号</Text>
          <Text>依法需要保存的记录（如培训记录）会去除身份信息后保留。</Text>
          <View className='zj-pv__actions'>
            <ZjButton kind='danger' ariaLabel='申请注销账号并删除个人信息' onClick={() => void confirmDeletion()}>
              申请注销
            </ZjButton>
          </View>
        </View>
        <View className='zj-pv__section'>
          <Text className='zj-pv__title'>我的申请</Text>
          {requests.length === 0 && <Text className='zj-muted'>暂无申请</Text>}
          {requests.map((r) => (
            <View key={r.id} className='zj-pv__item'>
              <View>
                <Text>
                  {r.kindLabel}
                  {r.field ? `：${r.field}` : ''}
                </Text>{' '}
                <Tag tone={r.state === 'done' ? 'success' : r.state === 'rejected' ? 'danger' : 'warning'}>
                  {r.stateLabel}
                </Tag>
              </View>
              <View>
                <Text className='zj-muted'>
                  {formatDateTime(r.createdAt)}提交{r.completedAt ? ` · ${formatDateTime(r.completedAt)}办结` : ''}
                </Text>
              </View>
              {r.note && (
                <View>
                  <Text>办理说明：{r.note}</Text>
                </View>
              )}
            </View>
          ))}
        </View>
        <ZjButton
          ariaLabel='查看隐私保护指引'
          onClick={() => void Taro.navigateTo({ url: '/packages/me/privacy/index' })}
        >
          查看隐私保护指引
        </ZjButton>
      </View>
    </PageShell>
  )
}
