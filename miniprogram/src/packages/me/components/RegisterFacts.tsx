/**
 * What the employment register says about the bound person (masked), one line each with 「有误？申请更正」,
 * which opens 我的数据 with the item filled in (privacy.requestCorrection).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PersonSummary } from '@shared/user/views'
import { formatDate } from '@/utils/format'

export function registerFacts(p: PersonSummary): { field: string; text: string }[] {
  const lines = [
    { field: '姓名', text: `姓名：${p.name}` },
    { field: '身份证号', text: `身份证号：${p.idNumber}` },
    { field: '手机号', text: `手机号：${p.phone || '未登记'}` },
    { field: '户籍地区', text: `户籍/居住地：${p.residenceRegionName ?? p.residenceRegion}` },
    {
      field: '就业状态',
      text: `就业状态：${p.employmentStatusLabel}${p.employmentStatusSince ? `（${formatDate(p.employmentStatusSince)}起）` : ''}`,
    },
    {
      field: '登记失业',
      text: p.registeredUnemployed
        ? `登记失业：${p.registeredUnemployedSince ? `${formatDate(p.registeredUnemployedSince)}起` : '是'}`
        : '登记失业：否',
    },
    { field: '学历', text: `学历：${p.educationLabel}${p.graduationYear ? `，${p.graduationYear}年毕业` : ''}` },
    { field: '重点群体', text: `重点群体：${p.keyGroups.length ? p.keyGroups.map((g) => g.label).join('、') : '无'}` },
    { field: '所属网格', text: `所属网格：${p.gridName ?? p.gridCode}` },
  ]
  return lines
}

export function RegisterFacts({ person }: { person: PersonSummary }) {
  const correct = (field: string) =>
    void Taro.navigateTo({ url: `/packages/me/data/index?field=${encodeURIComponent(field)}` })
  return (
    <View data-testid='register-facts' role='list' aria-label='登记信息'>
      {registerFacts(person).map((l) => (
        <View key={l.field} className='zj-me__fact' role='listitem'>
          <Text className='zj-me__fact-text'>{l.text}</Text>
          <View
            className='zj-me__link'
            role='link'
            aria-label={`${l.field}有误，申请更正`}
            onClick={() => correct(l.field)}
          >
            <Text>有误？申请更正</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
