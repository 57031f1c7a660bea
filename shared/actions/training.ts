import { z } from 'zod'
import { defineModule } from './define'

// Filled in by the training module (see CONTRACT.md for the action names).
export const trainingActions = defineModule('training', {
  ping: { access: 'public', input: z.object({}), summary: '占位' },
})
