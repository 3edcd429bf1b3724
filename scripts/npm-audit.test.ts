import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { classifyAudit } from './npm-audit.mjs'

const report = (high: number, critical: number, vulnerabilities: Record<string, { severity: string }> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical } },
  })

describe('the CI check of production dependencies (npm audit)', () => {
  it('fails on a high or critical advisory and names the packages', () => {
    expect(classifyAudit(report(1, 1, { tar: { severity: 'high' }, ws: { severity: 'critical' } }))).toEqual({
      verdict: 'vulnerable',
      packages: ['tar (high)', 'ws (critical)'],
      total: 2,
    })
  })

  it('passes when only low and moderate advisories are listed', () => {
    expect(classifyAudit(report(0, 0, { x: { severity: 'moderate' } }))).toEqual({ verdict: 'clean' })
  })

  it('does not fail when the advisory endpoint cannot be reached', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST …/advisories/bulk', error: {} })
    expect(classifyAudit(refused).verdict).toBe('unavailable')
    expect(classifyAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: '' } })).verdict).toBe('unavailable')
    expect(classifyAudit('').verdict).toBe('unavailable')
  })
})
