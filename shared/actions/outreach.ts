import { z } from 'zod'
import { defineModule } from './define'

// Filled in by the outreach module (see CONTRACT.md for the action names).
export const outreachActions = defineModule('outreach', {
  ping: { access: 'public', input: z.object({}), summary: '占位' },
})
