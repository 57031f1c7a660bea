/** The assistant (智能客服) cloud function: thin edge over the assistant use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import type { AssistantActionOutputs } from '../../shared/assistant/views'
import { assistantActions } from '../../shared/actions/assistant'
import { ask } from './usecases/ask.usecase'
import { rate } from './usecases/rate.usecase'
import { gaps } from './usecases/gaps.usecase'
import { listFaqs, upsertFaq } from './usecases/faq.usecase'

export const main = createFunction(assistantActions, { ask, rate, gaps, upsertFaq, faqs: listFaqs } satisfies Answering<
  typeof assistantActions,
  AssistantActionOutputs
>)
