/**
 * The one place that creates the CloudBase app. Production: the function's own environment
 * (SYMBOL_CURRENT_ENV). Locally the emulator sets TCB_CONTEXT_CNFG so the same call reaches it.
 * Only repositories (and core helpers acting as repositories) call `db()`.
 */
import tcb from '@cloudbase/node-sdk'

type CloudBaseApp = ReturnType<typeof tcb.init>
export type Database = ReturnType<CloudBaseApp['database']>

let app: CloudBaseApp | undefined
let database: Database | undefined

export function cloudApp(): CloudBaseApp {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

export function db(): Database {
  if (!database) database = cloudApp().database()
  return database
}

/** For tests and the emulator's warm workers: forget the cached app (e.g. after the emulator port changed). */
export function resetCloudApp(): void {
  app = undefined
  database = undefined
}

export { tcb }
