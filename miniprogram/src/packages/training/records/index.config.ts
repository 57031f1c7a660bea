export default definePageConfig({ navigationBarTitleText: '我的培训记录', enablePullDownRefresh: true })
