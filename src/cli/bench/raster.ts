import { rasterizeHints } from '../../core/raster';
import type { Hint, Session, Xy } from '../../core/session';
import { emptySession } from '../../core/session';
import { timeMedian } from './timing';

/**
 * Hint rasterisation speed: 500 mixed hints (points, strokes, erases) drawn at 256×256, the
 * network's working size, from a 1498×1199 photo (so coordinates and widths are scaled, as in
 * the editor). Target from the "foundation" issue: ≤ 2 ms. Prints nothing; the caller reports.
 */

const HINTS = 500;
const SIZE = 256;
const RUNS = 200;
const WARMUP = 20;

/** mulberry32: a tiny seeded PRNG so every run draws the same session. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Editor-like hints: clicks of 4–16 px and strokes of 2–12 points, 4–40 px wide. */
export function benchSession(count = HINTS, seed = 1): Session {
  const random = seededRandom(seed);
  const base = emptySession({ width: 1498, height: 1199, name: 'bench' });
  const { width, height } = base.image;
  const ab = (): [number, number] => [random() * 200 - 100, random() * 200 - 100];
  const hints: Hint[] = [];
  for (let n = 0; n < count; n++) {
    const roll = random();
    const x = random() * width;
    const y = random() * height;
    if (roll < 0.5) {
      hints.push({ kind: 'point', x, y, size: 4 + random() * 12, ab: ab() });
      continue;
    }
    const points: Xy[] = [[x, y]];
    const length = 2 + Math.floor(random() * 11);
    for (let k = 1; k < length; k++) {
      const [px, py] = points[k - 1];
      points.push([px + random() * 60 - 30, py + random() * 60 - 30]);
    }
    const strokeWidth = 4 + random() * 36;
    if (roll < 0.9) hints.push({ kind: 'stroke', points, width: strokeWidth, ab: ab() });
    else hints.push({ kind: 'erase', points, width: strokeWidth });
  }
  return { ...base, hints };
}

export async function benchRaster(): Promise<
  { name: string; value: number; unit: string; note?: string }[]
> {
  const session = benchSession();
  const fresh = await timeMedian(() => rasterizeHints(session, SIZE, SIZE), RUNS, WARMUP);
  const reused = rasterizeHints(session, SIZE, SIZE);
  const inPlace = await timeMedian(() => rasterizeHints(session, SIZE, SIZE, reused), RUNS, WARMUP);
  const note = `${HINTS} mixed hints from a 1498×1199 photo, median of ${RUNS} runs; target ≤ 2 ms`;
  return [
    { name: `rasterizeHints ${SIZE}×${SIZE}`, value: fresh.ms, unit: 'ms', note },
    {
      name: `rasterizeHints ${SIZE}×${SIZE}, reused buffers`,
      value: inPlace.ms,
      unit: 'ms',
      note,
    },
  ];
}
