export default definePageConfig({
  navigationBarTitleText: '居民详情',
})
