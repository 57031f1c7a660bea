export default definePageConfig({
  navigationBarTitleText: '走访名单',
  enablePullDownRefresh: true,
})
