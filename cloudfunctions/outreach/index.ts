/** The outreach cloud function: thin edge over the outreach use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import type { OutreachActionOutputs } from '../../shared/outreach/types'
import { outreachActions } from '../../shared/actions/outreach'
import { myList } from './usecases/myList.usecase'
import { revealContact } from './usecases/revealContact.usecase'
import { recordVisits } from './usecases/recordVisits.usecase'
import { gridStats } from './usecases/gridStats.usecase'
import { advanceSequence } from './usecases/advanceSequence.usecase'

export const main = createFunction(
  outreachActions,
  { myList, revealContact, recordVisits, gridStats } satisfies Answering<typeof outreachActions, OutreachActionOutputs>,
  { triggers: { sequence: advanceSequence } },
)
