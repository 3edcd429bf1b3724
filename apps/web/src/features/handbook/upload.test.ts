import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { hasImportExtension, parseUploadResponse } from './upload.ts'

describe('import upload', () => {
  it('reads the new draft from a 201 answer', () => {
    const draft = parseUploadResponse(201, JSON.stringify({ data: { id: 'v1', label: '2027.1' } }))
    expect(draft).toMatchObject({ id: 'v1', label: '2027.1' })
  })

  it('keeps every problem of a 400 answer with its location', () => {
    const body = {
      error: {
        code: 'validation_failed',
        message: 'The file has 2 problem(s)',
        details: {
          issues: [
            { path: 'indicators[3].area', message: 'Unknown area code XYZ' },
            { path: 'Indicators!F12', message: 'Unknown kind' },
          ],
        },
      },
      requestId: 'r1',
    }
    try {
      parseUploadResponse(400, JSON.stringify(body))
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).issues.map((i) => i.path)).toEqual(['indicators[3].area', 'Indicators!F12'])
    }
  })

  it('reads a bare 413 from a proxy as "too large", and checks extensions', () => {
    expect(() => parseUploadResponse(413, '<html>Too large</html>')).toThrow(
      expect.objectContaining({ code: 'payload_too_large' }),
    )
    expect(hasImportExtension('Handbook.XLSX')).toBe(true)
    expect(hasImportExtension('handbook.csv')).toBe(false)
  })
})
