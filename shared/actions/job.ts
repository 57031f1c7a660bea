import { z } from 'zod'
import { defineModule } from './define'

// Filled in by the job module (see CONTRACT.md for the action names).
export const jobActions = defineModule('job', {
  ping: { access: 'public', input: z.object({}), summary: '占位' },
})
