/**
 * What each action answers, for `callAction`'s return type. The action registry (shared/actions) types the
 * inputs; outputs are declared by each module's service file through declaration merging:
 *
 *   declare module '@/services/actionOutputs' {
 *     interface ActionOutputs { 'job.search': Page<JobCard> }
 *   }
 *
 * An action with no entry answers `unknown`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionOutputs {}
