/** The process's resident memory while something runs: shared by the audit-export benchmark and its memory test. */

export interface RssSampler {
  /** RSS (bytes) when sampling started. */
  readonly baseline: number;
  /** Stops sampling (safe to call twice) and returns the highest RSS seen, a last sample included. */
  stop(): number;
}

/** Samples process.memoryUsage().rss every `intervalMs` until stopped. */
export function sampleRss(intervalMs = 20): RssSampler {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    baseline,
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak;
    },
  };
}
