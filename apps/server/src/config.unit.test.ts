import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err
    throw err
  }
  throw new Error('loadConfig accepted a bad environment')
}

describe('loadConfig', () => {
  it('starts with defaults from an empty environment', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ env: 'development', port: 3000, host: '127.0.0.1', database: { kind: 'sqlite' } })
    expect(config.sessionIdleMs).toBe(480 * 60_000)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('recognises a PostgreSQL URL and converts units', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/thbm',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '12',
      BODY_LIMIT_MB: '2',
      PUBLIC_URL: 'https://monitor.example.org/',
      TRUST_PROXY: '1',
    })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/thbm' })
    expect(config.sessionIdleMs).toBe(30 * 60_000)
    expect(config.sessionAbsoluteMs).toBe(12 * 3_600_000)
    expect(config.bodyLimitBytes).toBe(2 * 1024 * 1024)
    expect(config.publicUrl).toBe('https://monitor.example.org')
    expect(config.trustProxy).toBe(true)
  })

  it('names every bad variable in one error', () => {
    const err = configError({ PORT: 'abc', DATABASE_URL: '', SESSION_IDLE_MINUTES: '0' })
    expect(err.message).toContain('PORT')
    expect(err.message).toContain('DATABASE_URL')
    expect(err.message).toContain('SESSION_IDLE_MINUTES')
    expect(err.message).toContain('"abc"')
  })

  it.each([
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_URL', 'not a url'],
    ['COOKIE_SECURE', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['DEFAULT_LOCALE', 'de'],
  ])('refuses %s=%s', (name, value) => {
    expect(configError({ [name]: value }).message).toContain(name)
  })
})
