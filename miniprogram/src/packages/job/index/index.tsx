/**
 * 岗位详情: pay, place on a map, requirements, share card, call the service hotline, save, apply.
 * Opened as /packages/job/index/index?id=<jobId>.
 */
import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Map, Switch, Text, View } from '@tarojs/components'
import { APPLICATION_STATUS_LABELS } from '@shared/job/types'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { useJobDetailStore } from '@/stores/job.store'
import '@/modules/job/job.scss'

export default function JobDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { detail, status, error, applying, contactConsent, setContactConsent, load, apply, toggleFavorite } =
    useJobDetailStore()

  useEffect(() => {
    if (id) void load(id)
  }, [id, load])

  useShareAppMessage(() => ({
    title: detail?.shareTitle ?? '智就：找工作',
    path: `/packages/job/index/index?id=${encodeURIComponent(id)}`,
  }))

  const d = detail && detail.id === id ? detail : null
  const onApply = async () => {
    const r = await apply()
    const text = r.ok ? r.data : r.error.message
    if (text) void Taro.showToast({ title: text, icon: r.ok ? 'success' : 'none', duration: 2500 })
  }
  const openMap = () => {
    if (!d) return
    Taro.openLocation({ latitude: d.lat, longitude: d.lng, name: d.employerName, address: d.address, scale: 16 }).catch(
      () => {
        void Taro.showToast({ title: `地址：${d.address}`, icon: 'none', duration: 3000 })
      },
    )
  }
  const call = () => {
    if (!d) return
    Taro.makePhoneCall({ phoneNumber: d.servicePhone }).catch(() => {
      void Taro.showToast({ title: `请拨打 ${d.servicePhone} 咨询`, icon: 'none', duration: 3000 })
    })
  }

  return (
    <PageShell>
      <PageState
        status={id ? status : 'error'}
        error={id ? error : { code: 'NOT_FOUND', message: '岗位不存在' }}
        onRetry={() => void load(id)}
      >
        {d && (
          <View data-testid='job-detail'>
            <View className='zj-job-detail'>
              <Text className='zj-job-detail__title'>{d.title}</Text>
              <Text className='zj-job-detail__pay'>{d.salaryText}</Text>
              <View>
                <Tag tone={d.jobType === 'gig' ? 'warning' : 'default'}>{d.jobTypeLabel}</Tag>
                <Tag>{d.educationLabel}</Tag>
                <Tag>{d.ageText}</Tag>
                <Tag>招{d.headcount}人</Tag>
                {!d.active && <Tag tone='danger'>已停止招聘</Tag>}
              </View>
              <Text className='zj-job-detail__row'>招聘单位：{d.employerName}</Text>
              <Text className='zj-job-detail__row'>职业：{d.occupationName}</Text>
              <Text className='zj-job-detail__row'>工作地点：{d.address}</Text>
              {d.skills.length > 0 && <Text className='zj-job-detail__row'>技能要求：{d.skills.join('、')}</Text>}
              {d.description && <Text className='zj-job-detail__row'>{d.description}</Text>}
              <Text className='zj-job-detail__row'>
                联系人：{d.contact.name}（{d.contact.phone}）
              </Text>
              <Text className='zj-job-detail__row zj-muted'>
                发布于 {d.postedAt.slice(0, 10)}，截止 {d.expiresAt.slice(0, 10)}
              </Text>
              {process.env.TARO_ENV === 'weapp' && (
                <Map
                  className='zj-job-map'
                  latitude={d.lat}
                  longitude={d.lng}
                  scale={15}
                  markers={[
                    {
                      id: 1,
                      latitude: d.lat,
                      longitude: d.lng,
                      title: d.employerName,
                      width: 24,
                      height: 32,
                      iconPath: '',
                    },
                  ]}
                  onTap={openMap}
                  onError={() => undefined}
                />
              )}
              {d.applicationStatus && (
                <Text className='zj-job-status' data-testid='job-application-status'>
                  投递状态：{APPLICATION_STATUS_LABELS[d.applicationStatus]}
                </Text>
              )}
            </View>
            {!d.applicationStatus && d.active && (
              // 同意招聘方/经办人员联系我 goes with the résumé (off by default); the whole row toggles it
              <View
                className='zj-job-consent zj-tap-row'
                data-testid='apply-contact-consent'
                onClick={() => setContactConsent(!contactConsent)}
              >
                <View className='zj-job-consent__row'>
                  <Text className='zj-job-consent__label'>同意招聘方/经办人员联系我</Text>
                  <View onClick={(e) => e.stopPropagation()}>
                    <Switch
                      checked={contactConsent}
                      color='#1a5fd0'
                      aria-label='同意招聘方/经办人员联系我'
                      onChange={(e) => setContactConsent(!!e.detail.value)}
                    />
                  </View>
                </View>
                <Text className='zj-job-explain'>
                  {contactConsent
                    ? '工作人员可以查看您的完整手机号，电话联系您（每次查看都会记录）。可随时在“我的投递”撤回。'
                    : '不同意时，工作人员只能看到隐去中间四位的手机号。投递后也可以在“我的投递”里更改。'}
                </Text>
              </View>
            )}
            <View className='zj-job-actions'>
              {d.applicationStatus ? (
                <ZjButton
                  kind='primary'
                  ariaLabel='查看我的投递'
                  onClick={() => void Taro.navigateTo({ url: '/packages/job/applications/index' })}
                >
                  查看我的投递
                </ZjButton>
              ) : (
                <ZjButton
                  kind='primary'
                  ariaLabel='投递简历'
                  loading={applying}
                  disabled={!d.active}
                  onClick={() => void onApply()}
                >
                  {d.active ? '投递简历' : '已停止招聘'}
                </ZjButton>
              )}
              <ZjButton ariaLabel={d.favorited ? '取消收藏' : '收藏'} onClick={() => void toggleFavorite()}>
                {d.favorited ? '已收藏' : '收藏'}
              </ZjButton>
              <ZjButton ariaLabel='在地图上查看' onClick={openMap}>
                地图
              </ZjButton>
              <ZjButton ariaLabel={`拨打就业服务热线${d.servicePhone}`} onClick={call}>
                电话咨询
              </ZjButton>
              {process.env.TARO_ENV === 'weapp' && (
                <ZjButton ariaLabel='分享给朋友' onClick={() => void Taro.showShareMenu({ withShareTicket: false })}>
                  分享
                </ZjButton>
              )}
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
