import { AppError, ERROR_CODES, ERROR_MESSAGES, errorEnvelope, fail, isErrorCode, ok } from '../../shared/errors'

describe('error codes and messages', () => {
  test('every code of the contract has one Chinese message', () => {
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining([
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'CONFLICT',
        'NOT_ELIGIBLE',
        'QUOTA_EXHAUSTED',
        'RATE_LIMITED',
        'CONTENT_REJECTED',
        'UPSTREAM_UNAVAILABLE',
        'INTERNAL',
      ]),
    )
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/)
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort())
  })

  test('an expected failure becomes the error envelope with its own or the default message', () => {
    expect(new AppError('NOT_FOUND').toBody()).toEqual({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND })
    expect(fail('CONFLICT', '已报名').toBody()).toEqual({ code: 'CONFLICT', message: '已报名' })
    expect(new AppError('VALIDATION_FAILED', '缺少编号', { fields: ['id'] }).toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '缺少编号',
      details: { fields: ['id'] },
    })
    expect(errorEnvelope('FORBIDDEN')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN },
    })
    expect(ok({ a: 1 })).toEqual({ ok: true, data: { a: 1 } })
  })

  test('only the contract codes are error codes', () => {
    expect(isErrorCode('RATE_LIMITED')).toBe(true)
    expect(isErrorCode('rate_limited')).toBe(false)
    expect(isErrorCode(42)).toBe(false)
  })
})
