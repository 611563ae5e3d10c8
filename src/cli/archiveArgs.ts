import { UsageError } from './errors';
import { DEFAULT_MAX_PIXELS } from './imageIO';

/** `--shard I/N`: this process takes entries I, I + N, I + 2N, … (0-based, blank lines not counted). */
export interface Shard {
  index: number;
  count: number;
}

/** Flags about inputs and outputs that both commands share. */
export interface OutputOptions {
  /** Replace an existing output (never an input) instead of refusing. */
  overwrite: boolean;
  /** Refuse photos with more pixels than this, from their header, before decoding. */
  maxPixels: number;
}

/** `--max-pixels 50000000` or `--max-pixels 50M` (megapixels). */
export function parseMaxPixels(command: string, value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_PIXELS;
  const match = /^(\d+)(M?)$/.exec(value);
  const n = match ? Number(match[1]) * (match[2] ? 1e6 : 1) : Number.NaN;
  if (!(n >= 1 && Number.isSafeInteger(n))) {
    throw new UsageError(
      `${command}: --max-pixels must be a whole number of pixels such as 50000000 or 50M, got "${value}"`,
    );
  }
  return n;
}

/** `--shard I/N` with 0 ≤ I < N: the form Kubernetes' and Slurm's array indices fit as is. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1) || !(index < count) || !Number.isSafeInteger(count)) {
    throw new UsageError(
      `batch: --shard must be I/N with 0 ≤ I < N (e.g. 0/8 … 7/8), got "${value}"`,
    );
  }
  return { index, count };
}
