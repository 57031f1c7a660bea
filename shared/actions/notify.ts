import { z } from 'zod'
import { defineModule } from './define'

// Filled in by the notify module (see CONTRACT.md for the action names).
export const notifyActions = defineModule('notify', {
  ping: { access: 'public', input: z.object({}), summary: '占位' },
})
