import autocannon, { type RequestSpec } from 'autocannon'

export interface LoadResult {
  /** Responses per second over the run. */
  rps: number
  p50: number
  p95: number
  p99: number
  requests: number
  /** Responses by status code, e.g. { 200: 5120, 409: 3 }. */
  statuses: Record<string, number>
  errors: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : 0

/**
 * Load with autocannon at `connections` concurrent connections for `seconds`. Latencies come from every response
 * (autocannon's own summary has no p95).
 */
export async function runLoad(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string>; requests?: RequestSpec[] },
): Promise<LoadResult> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers: options.headers ?? {},
    ...(options.requests ? { requests: options.requests } : {}),
  })
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms)
    statuses[status] = (statuses[status] ?? 0) + 1
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  const round = (v: number) => Math.round(v * 10) / 10
  return {
    rps: Math.round(latencies.length / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    requests: latencies.length,
    statuses,
    errors: result.errors,
  }
}
