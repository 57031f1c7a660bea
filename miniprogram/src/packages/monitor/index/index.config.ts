export default definePageConfig({ navigationBarTitleText: '就业监测', enablePullDownRefresh: true })
