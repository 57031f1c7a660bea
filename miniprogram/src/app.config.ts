/**
 * App config. Tab pages live in the main package only; each module owns one subpackage and adds its pages to
 * its own entry below (one line per page, nothing else).
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/jobs/index', 'pages/policies/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/job',
      name: 'job',
      pages: [
        'index/index',
        'applications/index',
        'favorites/index',
        'nearby/index',
        'staff/index',
        'staff/applications/index',
        'staff/post/index',
      ],
    },
    { root: 'packages/policy', name: 'policy', pages: ['index/index', 'check/index', 'matches/index'] },
    {
      root: 'packages/training',
      name: 'training',
      pages: ['index/index', 'detail/index', 'mine/index', 'records/index'],
    },
    {
      root: 'packages/feedback',
      name: 'feedback',
      pages: ['index/index', 'submit/index', 'detail/index', 'stats/index'],
    },
    {
      root: 'packages/outreach',
      name: 'outreach',
      pages: ['index/index', 'person/index', 'visit/index', 'sync/index', 'grid/index'],
    },
    { root: 'packages/notify', name: 'notify', pages: ['index/index', 'subscribe/index'] },
    {
      root: 'packages/staff',
      name: 'staff',
      pages: [
        'index/index',
        'feedback/inbox/index',
        'feedback/detail/index',
        'admin/users/index',
        'admin/blocks/index',
        'admin/audit/index',
        'admin/requests/index',
        'admin/outbox/index',
        'admin/policy/index',
      ],
    },
    {
      root: 'packages/me',
      name: 'me',
      pages: ['index/index', 'privacy/index', 'data/index', 'bind/index', 'welcome/index', 'resume/index'],
    },
    { root: 'packages/assistant', name: 'assistant', pages: ['chat/index', 'staff/index', 'holidays/index'] },
    { root: 'packages/monitor', name: 'monitor', pages: ['index/index'] },
    { root: 'packages/exchange', name: 'exchange', pages: ['index/index', 'imports/index', 'export/index'] },
    {
      root: 'packages/application',
      name: 'application',
      pages: ['index/index', 'form/index', 'detail/index', 'queue/index', 'review/index'],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['policy'] },
    'pages/jobs/index': { network: 'all', packages: ['job'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '智就',
    navigationBarTextStyle: 'black',
    // H5 shows Taro's navigation bar (title, back / home) only for 'default'; the weapp default too
    navigationStyle: 'default',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#1a5fd0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/jobs/index',
        text: '找工作',
        iconPath: 'assets/tab/jobs.png',
        selectedIconPath: 'assets/tab/jobs-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tab/policies.png',
        selectedIconPath: 'assets/tab/policies-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
