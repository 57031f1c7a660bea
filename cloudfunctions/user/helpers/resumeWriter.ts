/**
 * Which résumé writer the user function uses. Only the rule-based one exists (shared/user/phrases.ts);
 * a model-backed writer would implement the same `ResumeWriter` interface and be chosen here
 * (e.g. by an environment variable), with the rule-based one as the fallback when it fails.
 */
import { ruleBasedWriter, type ResumeWriter } from '../../../shared/user/phrases'

const WRITERS: Record<string, ResumeWriter> = { rules: ruleBasedWriter }

export function resumeWriter(name: string | undefined = process.env.RESUME_WRITER): ResumeWriter {
  return (name && WRITERS[name]) || ruleBasedWriter
}
