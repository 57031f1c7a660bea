export default definePageConfig({
  navigationBarTitleText: '问答知识库',
  enablePullDownRefresh: true,
})
