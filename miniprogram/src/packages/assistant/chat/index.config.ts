export default definePageConfig({
  navigationBarTitleText: '问一问',
})
