import { z } from 'zod'
import { defineModule } from './define'

// Filled in by the policy module (see CONTRACT.md for the action names).
export const policyActions = defineModule('policy', {
  ping: { access: 'public', input: z.object({}), summary: '占位' },
})
