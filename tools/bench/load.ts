// Drives load at a fixed concurrency for a bounded time: autocannon against the API over HTTP,
// and an equivalent closed loop of driver calls for the baseline. Both report completed
// operations per second and latency percentiles in milliseconds.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { HttpRequest } from './scenarios';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Non-2xx responses, connection errors and timeouts (API) or thrown errors (baseline). */
  errors: number;
  /** Status codes other than 2xx, e.g. { "409": 3 }, for diagnosis. */
  statuses?: Record<string, number>;
  seconds: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** A fixed number of requests instead of a time (for requests that take minutes). */
  amount?: number;
}

/** Four significant digits: 0.004 req/s (one request in four minutes) must not round to 0. */
const round = (n: number) => (n === 0 ? 0 : Number(n.toPrecision(4)));

export async function loadApi(
  url: string,
  token: string,
  request: (i: number) => HttpRequest,
  options: LoadOptions,
): Promise<LoadResult> {
  let next = 0;
  const first = request(next);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.amount ? { amount: options.amount } : {}),
    // A slow request must still complete (and count) rather than be dropped as a timeout.
    timeout: options.amount ? 3600 : Math.max(30, options.seconds * 3),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    method: first.method,
    requests: [
      {
        setupRequest: (req) => {
          const { method, path, body } = next === 0 ? first : request(next);
          next++;
          return { ...req, method, path, body };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) statuses[code] = stats.count ?? 0;
  }
  return {
    requests: result['2xx'],
    perSecond: round(result['2xx'] / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.non2xx + result.errors,
    statuses,
    seconds: round(result.duration),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `connections` workers, each calling `operation` in a loop until the time is up. */
export async function loadDriver(
  operation: (i: number) => Promise<unknown>,
  options: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = options.amount ? Infinity : started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && (!options.amount || next < options.amount)) {
      const i = next++;
      const t0 = performance.now();
      try {
        await operation(i);
        const t1 = performance.now();
        // Like autocannon, count only what completed within the time.
        if (t1 <= deadline) latencies.push(t1 - t0);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  if (firstError)
    console.error(
      '  baseline error:',
      firstError instanceof Error ? firstError.message : firstError,
    );
  latencies.sort((a, b) => a - b);
  const seconds = options.amount ? (performance.now() - started) / 1000 : options.seconds;
  return {
    requests: latencies.length,
    perSecond: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    errors,
    seconds,
  };
}
