import { Text, View } from '@tarojs/components'
import { formatDistance } from '@shared/geo'
import { APPLICATION_STATUS_LABELS } from '@shared/job/types'
import type { JobListItem } from '@shared/job/views'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'

/** One posting in a list: title, pay (in words), employer, place, type, education, distance, my status. */
export function JobCard({ job, onOpen, extra }: { job: JobListItem; onOpen: (id: string) => void; extra?: string }) {
  return (
    <Card
      className='zj-job-card'
      title={job.title}
      onClick={() => onOpen(job.id)}
      ariaLabel={`查看岗位：${job.title}，${job.salaryText}，${job.districtName}`}
      extra={<Text className='zj-job-card__pay'>{job.salaryText}</Text>}
    >
      <View className='zj-muted zj-job-card__line'>
        <Text>{job.employerName}</Text>
      </View>
      <View className='zj-job-card__tags'>
        <Tag tone={job.jobType === 'gig' ? 'warning' : 'default'}>{job.jobTypeLabel}</Tag>
        <Tag>
          {job.cityName.replace(/市$/, '')}·{job.districtName}
        </Tag>
        <Tag>{job.educationLabel}</Tag>
        {job.distanceKm !== undefined && <Tag>{formatDistance(job.distanceKm)}</Tag>}
        {job.applicationStatus && <Tag tone='primary'>{APPLICATION_STATUS_LABELS[job.applicationStatus]}</Tag>}
        {extra && <Tag tone='success'>{extra}</Tag>}
      </View>
    </Card>
  )
}
