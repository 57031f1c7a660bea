/**
 * 附近: the 15-minute employment service circle. Service stations, gig markets (零工市场) and postings around
 * the resident, nearest first, on a map (weapp) and as a list. Without location permission: 历下区 centre.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Map, Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { Card } from '@/components/Card'
import { Section } from '@/components/Section'
import { Tag } from '@/components/Tag'
import { JobCard } from '@/modules/job/JobCard'
import { useNearbyStore } from '@/stores/job.store'
import '@/modules/job/job.scss'

const FALLBACK = { lat: 36.6702, lng: 117.0768 } // 历下区

export default function NearbyPage() {
  const { places, jobs, status, error, center, load } = useNearbyStore()
  const [approx, setApprox] = useState(false)

  useEffect(() => {
    Taro.getLocation({ type: 'gcj02' })
      .then((loc) => load({ lat: loc.latitude, lng: loc.longitude }))
      .catch(() => {
        setApprox(true)
        void load(FALLBACK)
      })
  }, [load])

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(id)}` })
  const go = (p: { lat: number; lng: number; name: string; address: string }) =>
    Taro.openLocation({ latitude: p.lat, longitude: p.lng, name: p.name, address: p.address, scale: 16 }).catch(
      () => undefined,
    )

  return (
    <PageShell>
      {approx && (
        <View className='zj-muted zj-job-detail'>
          <Text>未获得定位权限，按历下区中心显示</Text>
        </View>
      )}
      <PageState
        status={status}
        error={error}
        empty={places.length === 0 && jobs.length === 0}
        emptyText='附近 5 公里内没有服务站和岗位'
        onRetry={() => center && void load(center)}
      >
        {process.env.TARO_ENV === 'weapp' && center && (
          <Map
            className='zj-job-map'
            latitude={center.lat}
            longitude={center.lng}
            scale={13}
            showLocation
            markers={places.map((p, i) => ({
              id: i + 1,
              latitude: p.lat,
              longitude: p.lng,
              title: p.name,
              width: 24,
              height: 32,
              iconPath: '',
            }))}
            onError={() => undefined}
          />
        )}
        <Section title='就业服务站和零工市场'>
          <View data-testid='nearby-places'>
            {places.map((p) => (
              <Card
                key={p.id}
                title={p.name}
                extra={<Tag tone={p.kind === 'gigMarket' ? 'warning' : 'primary'}>{p.kindLabel}</Tag>}
                onClick={() => void go(p)}
                ariaLabel={`${p.name}，${p.distanceText}`}
              >
                <View className='zj-muted'>
                  <Text>
                    {p.distanceText} · {p.address}
                  </Text>
                </View>
                <View className='zj-muted'>
                  <Text>
                    {p.openHours} · 电话 {p.phone}
                  </Text>
                </View>
                <View className='zj-muted'>
                  <Text>{p.services.join('、')}</Text>
                </View>
              </Card>
            ))}
          </View>
        </Section>
        <Section title='3 公里内的岗位'>
          <View data-testid='nearby-jobs'>
            {jobs.map((j) => (
              <JobCard key={j.id} job={j} onOpen={open} />
            ))}
          </View>
        </Section>
      </PageState>
    </PageShell>
  )
}
