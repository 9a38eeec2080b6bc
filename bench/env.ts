/**
 * Numbers the benchmarks take from the environment (BENCH_RUNS, BENCH_MERGE_RUNS), whether an area runs on its
 * own or through `npm run bench` (run.ts calls each area's run() without options).
 */
export function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
