/** Occupation names for training courses (the job module's classification data, when present). */
const LOCAL: Record<string, string> = {}

export function occupationName(code: string): string {
  return LOCAL[code] ?? code
}
