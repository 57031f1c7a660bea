export default definePageConfig({ navigationBarTitleText: '我的政策匹配', enablePullDownRefresh: true })
