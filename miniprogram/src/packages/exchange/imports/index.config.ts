export default definePageConfig({ navigationBarTitleText: '导入记录', enablePullDownRefresh: true })
