export default definePageConfig({
  navigationBarTitleText: '智就',
  enablePullDownRefresh: true,
})
