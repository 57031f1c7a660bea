export default definePageConfig({ navigationBarTitleText: '附近的就业服务' })
