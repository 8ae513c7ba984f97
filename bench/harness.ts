/**
 * Tiny benchmark harness: every bench measures our code and a named baseline in the same run and
 * prints the ratio, so figures are comparable on any machine. Benchmarks never fail a build.
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Operations done. */
  ops: number;
  /** Wall milliseconds. */
  ms: number;
  /** Operations per second. */
  perSecond: number;
}

/**
 * Runs `fn` (which does `opsPerCall` operations) repeatedly for at least `minMs` after a warm-up,
 * and reports operations per second.
 */
export async function measure(name: string, fn: () => unknown | Promise<unknown>, options: { opsPerCall?: number; minMs?: number; warmupCalls?: number } = {}): Promise<Measurement> {
  const opsPerCall = options.opsPerCall ?? 1;
  const minMs = options.minMs ?? 1000;
  for (let i = 0; i < (options.warmupCalls ?? 3); i++) await fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    await fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const ops = calls * opsPerCall;
  return { name, ops, ms: elapsed, perSecond: (ops / elapsed) * 1000 };
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k/s`;
  return `${perSecond.toFixed(1)}/s`;
}

/** Prints `ours` against `baseline`: `name  ours X/s  baseline Y/s  ratio Z.ZZx (higher is better)`. */
export function printComparison(title: string, ours: Measurement, baseline: Measurement): void {
  const ratio = ours.perSecond / baseline.perSecond;
  console.log(`${title}: ${ours.name} ${formatRate(ours.perSecond)} vs ${baseline.name} ${formatRate(baseline.perSecond)} -> ${ratio.toFixed(2)}x`);
}

export function printFigure(title: string, value: string): void {
  console.log(`${title}: ${value}`);
}
