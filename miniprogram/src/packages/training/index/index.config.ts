export default definePageConfig({
  navigationBarTitleText: '职业技能培训',
  enablePullDownRefresh: true,
})
