export default definePageConfig({
  navigationBarTitleText: '办事审核',
  enablePullDownRefresh: true,
})
