import { z } from 'zod'
import { defineModule } from './define'

// Filled in by the feedback module (see CONTRACT.md for the action names).
export const feedbackActions = defineModule('feedback', {
  ping: { access: 'public', input: z.object({}), summary: '占位' },
})
