/** The monitor cloud function (就业监测): thin edge over the monitor use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import type { MonitorActionOutputs } from '../../shared/monitor/views'
import { monitorActions } from '../../shared/actions/monitor'
import { overview } from './usecases/overview.usecase'
import { series } from './usecases/series.usecase'
import { occupations } from './usecases/occupations.usecase'
import { exportFigures } from './usecases/export.usecase'
import { snapshot } from './usecases/snapshot.usecase'

export const main = createFunction(
  monitorActions,
  { overview, series, occupations, export: exportFigures } satisfies Answering<
    typeof monitorActions,
    MonitorActionOutputs
  >,
  { triggers: { snapshot } },
)
