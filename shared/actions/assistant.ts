/** The assistant (智能客服) function's actions: questions answered from the policy library, guides and FAQ. */
import { z } from 'zod'
import { defineModule } from './define'
import { id, paging, requestId, text } from './common'

const faqRef = z.object({ kind: z.enum(['policy', 'guide'], { message: '关联类型应为 policy 或 guide' }), id: id() })

export const assistantActions = defineModule('assistant', {
  ask: {
    example: { question: '失业保险金怎么申领？' },
    access: 'user',
    write: true,
    rateLimit: { max: 120 },
    summary: '问一问：从政策库、办事指南和常见问题中找答案并注明出处；把握不大时转人工（不编造出处）',
    input: z.object({ question: text(200, 2), requestId: requestId().optional() }),
  },
  rate: {
    example: { askId: 'ask_example', helpful: true },
    access: 'user',
    write: true,
    summary: '对一次回答评价：有帮助 / 没帮助（没帮助的进入待完善问题）',
    input: z.object({ askId: id(), helpful: z.boolean({ message: '请选择有帮助或没帮助' }) }),
  },
  gaps: {
    example: {},
    access: ['handler', 'admin'],
    list: true,
    summary: '待完善问题：转人工和没帮助的提问，按相近问题分组，次数多的在前',
    input: z.object({ ...paging, reason: z.enum(['handoff', 'unhelpful']).optional() }),
  },
  upsertFaq: {
    example: { question: '失业登记在哪里办理？', answer: '可到户籍地或常住地的街道便民服务中心办理。' },
    contentCheck: ['question', 'answer', 'keywords'],
    access: ['handler', 'admin'],
    write: true,
    summary: '新增或修改常见问题（fromGap：把一组待完善问题「加入知识库」），记入审计',
    input: z.object({
      id: id().optional(),
      question: text(100, 4),
      answer: text(1000, 4),
      keywords: z.array(text(20, 1)).max(10, '关键词最多10个').optional(),
      ref: faqRef.nullable().optional(),
      active: z.boolean().optional(),
      fromGap: text(200, 1).optional(),
    }),
  },
  faqs: {
    example: {},
    access: ['handler', 'admin'],
    list: true,
    summary: '常见问题列表（工作人员维护）',
    input: z.object({ ...paging, includeInactive: z.boolean().optional() }),
  },
})
