/** An error the emulator answers as CloudBase does: HTTP 200 with `{code, message, requestId}`. */
export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code)
  }
}

export const invalidParam = (message: string): EmulatorError => new EmulatorError('INVALID_PARAM', message)
