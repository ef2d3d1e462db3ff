// Timing and memory helpers shared by every bench section: forced GC, repeated runs, median and min.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A function that forces a full GC, or undefined when it cannot be had. */
export const forceGc: (() => void) | undefined = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    // Works without the --expose-gc flag: the flag is turned on, and a fresh context gets `gc`.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
})();

export function gc(): void {
  if (forceGc) {
    forceGc();
    forceGc();
  }
}

export interface Timing {
  label: string;
  runs: number;
  /** Wall time of each run in ms, in run order. */
  samples: number[];
  median: number;
  min: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed, with a forced GC before each run
 * (outside the timing). `check` sees each result, so the work cannot be optimised away.
 */
export function timeRuns<T>(label: string, fn: () => T, opts: { runs: number; warmup?: number; check?: (result: T) => void }): Timing {
  for (let i = 0; i < (opts.warmup ?? 1); i++) opts.check?.(fn());
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    gc();
    const t0 = performance.now();
    const result = fn();
    samples.push(performance.now() - t0);
    opts.check?.(result);
  }
  return { label, runs: opts.runs, samples, median: median(samples), min: Math.min(...samples) };
}

export interface Contender {
  label: string;
  fn: () => unknown;
  /** Sees each result, so the work cannot be optimised away; throw to abort. */
  check?: (result: unknown) => void;
}

/**
 * Times several functions interleaved (a, b, a, b, …) after `warmup` untimed rounds, with a forced GC
 * before each run. On a shared, noisy machine drift then hits every contender alike, and per-round
 * ratios (see `ratios`) stay meaningful even when absolute times wander.
 */
export function timeInterleaved(contenders: readonly Contender[], opts: { runs: number; warmup?: number }): Timing[] {
  for (let i = 0; i < (opts.warmup ?? 1); i++) for (const c of contenders) c.check?.(c.fn());
  const samples = contenders.map(() => [] as number[]);
  for (let i = 0; i < opts.runs; i++) {
    contenders.forEach((c, k) => {
      gc();
      const t0 = performance.now();
      const result = c.fn();
      samples[k]!.push(performance.now() - t0);
      c.check?.(result);
    });
  }
  return contenders.map((c, k) => ({ label: c.label, runs: opts.runs, samples: samples[k]!, median: median(samples[k]!), min: Math.min(...samples[k]!) }));
}

/** Per-round ratios a/b of two interleaved timings. */
export function ratios(a: Timing, b: Timing): number[] {
  return a.samples.map((s, i) => s / b.samples[i]!);
}

export interface MemorySnapshot {
  rssMB: number;
  heapUsedMB: number;
  /** Peak resident set size of the whole process so far. */
  peakRssMB: number;
}

const MB = 1024 * 1024;

export function memory(): MemorySnapshot {
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapUsedMB: m.heapUsed / MB, peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB };
}
