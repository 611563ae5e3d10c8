/** Timing helpers shared by the Node and browser benchmarks (no Node imports: both use it). */

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median: no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Timing {
  /** Median wall time in milliseconds. */
  ms: number;
  runs: number;
}

/**
 * Runs `fn` `warmup` times untimed (shader compilation, kernel caches, first-use allocation),
 * then `runs` times timed; reports the median, which ignores the odd GC pause.
 */
export async function timeMedian(
  fn: () => Promise<unknown> | unknown,
  runs: number,
  warmup = 1,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), runs };
}

/** Synthetic L*: smooth gradients plus edges, so composition does real work on every row. */
export function syntheticL(width: number, height: number): Float32Array {
  const L = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ramp = (50 * (x + y)) / (width + height);
      const edge = ((x >> 6) + (y >> 6)) % 2 ? 30 : 0;
      L[y * width + x] = 10 + ramp + edge;
    }
  }
  return L;
}
