/**
 * Latency and throughput of HTTP endpoints: unloaded (one request at a time, p50/p95) and under load
 * (autocannon: N connections for S seconds; every response's latency kept, so the percentiles are exact).
 * `measureCalls` applies the same two measurements to an in-process function (the floor).
 */
import autocannon from 'autocannon';

export interface Unloaded {
  p50: number;
  p95: number;
  count: number;
  failures: number;
}

export interface Loaded {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** What the errors were: "HTTP 503" → count, "connection errors", "timeouts". */
  errorKinds?: Record<string, number>;
}

/** Nearest-rank percentile of unsorted samples (ms), to 0.1 ms. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] ?? NaN) * 10) / 10;
}

/** `count` sequential calls after `warmup` unmeasured ones; a call resolving false counts as a failure. */
export async function measureSequential(call: () => Promise<boolean>, count = 200, warmup = 20): Promise<Unloaded> {
  for (let i = 0; i < warmup; i += 1) await call();
  const samples: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const ok = await call().catch(() => false);
    samples.push(performance.now() - start);
    if (!ok) failures += 1;
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), count, failures };
}

/** A GET that reads the whole body; true on 2xx. */
export function httpGet(url: string, cookie: string): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    await res.arrayBuffer();
    return res.status >= 200 && res.status < 300;
  };
}

/** autocannon against one URL; errors are connection errors, timeouts and non-2xx answers. */
export async function measureHttpLoad(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
): Promise<Loaded> {
  const latencies: number[] = [];
  let non2xx = 0;
  const errorKinds: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: 30, headers: { cookie } },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else {
        non2xx += 1;
        errorKinds[`HTTP ${statusCode}`] = (errorKinds[`HTTP ${statusCode}`] ?? 0) + 1;
      }
    });
  });
  if (result.timeouts) errorKinds.timeouts = result.timeouts;
  if (result.errors - result.timeouts) errorKinds['connection errors'] = result.errors - result.timeouts;
  return {
    rps: Math.round((latencies.length / result.duration) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length + non2xx,
    errors: result.errors + non2xx,
    errorKinds,
  };
}

/** `connections` concurrent loops over `call` for `seconds`: the in-process equivalent of measureHttpLoad. */
export async function measureCallLoad(
  call: () => Promise<boolean>,
  connections: number,
  seconds: number,
): Promise<Loaded> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      const ok = await call().catch(() => false);
      if (ok) latencies.push(performance.now() - start);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const duration = (performance.now() - started) / 1000;
  return {
    rps: Math.round((latencies.length / duration) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length + errors,
    errors,
  };
}
