export default definePageConfig({
  navigationBarTitleText: '同步状态',
})
