export default definePageConfig({
  navigationBarTitleText: '反馈待办',
  enablePullDownRefresh: true,
})
