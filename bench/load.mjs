// One autocannon run, reduced to the figures the benchmark prints.
import autocannon from 'autocannon'

/**
 * Loads `url` with `connections` keep-alive connections for `duration` seconds, or for `amount`
 * requests; `requests` as autocannon takes them. A request unanswered after `timeout` seconds
 * counts as an error.
 */
export async function load({ url, connections, duration, amount, requests, timeout = 10 }) {
  const result = await autocannon({ url, connections, requests, timeout, ...(amount ? { amount } : { duration }) })
  const responses = result.requests.total
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    responses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: responses ? result.throughput.total / responses : 0,
  }
}

/** Milliseconds as the summaries print them. */
export const ms = (n) => (n >= 10 ? n.toFixed(0) : n.toFixed(1))

export const describeLoad = (r) =>
  `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms; ` +
  `${r.responses} responses of ${(r.bytesPerResponse / 1024).toFixed(1)} KB, ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts)`
