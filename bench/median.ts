/** Timing helpers for the benchmarks: run a few times, report the median. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds of each of `runs` calls after `warmup` unmeasured ones; returns the median. */
export async function timeMedian(
  fn: () => unknown | Promise<unknown>,
  runs = 5,
  warmup = 1
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
