export default definePageConfig({
  navigationBarTitleText: '网格概况',
  enablePullDownRefresh: true,
})
