/** The exchange function: 数据汇聚 (imports of persons, jobs and courses from CSV/XLSX) and 数据回流 (exports). */
import { exchangeActions } from '../../shared/actions/exchange'
import { createFunction, type Answering } from '../_core/function'
import type { ExchangeActionOutputs } from '../../shared/exchange/views'
import { exportRecords } from './usecases/export.usecase'
import { importStart } from './usecases/importStart.usecase'
import { importStatus, listImports } from './usecases/importStatus.usecase'
import { continueImports } from './usecases/runImports.usecase'
import { template } from './usecases/template.usecase'

export const main = createFunction(
  exchangeActions,
  { importStart, importStatus, imports: listImports, export: exportRecords, template } satisfies Answering<
    typeof exchangeActions,
    ExchangeActionOutputs
  >,
  { triggers: { continue: (ctx) => continueImports(ctx) } },
)
