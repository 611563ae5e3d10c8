import { labToSrgb8 } from '../../core/color';
import { transferFromReference } from '../../core/exemplar';
import { COMPOSE_HEIGHT, COMPOSE_WIDTH } from './composition';
import { syntheticL, timeMedian } from './timing';

/**
 * Matching a reference photo (src/core/exemplar): a 12-MP grey target against a 12-MP colour
 * reference, both already decoded. Counted: reducing both photos to the matcher's size, the
 * features, the matching and the hints. Not counted: decoding the files (libvips in the CLI,
 * the browser's decoder in the editor). Plain TypeScript, so no TF.js backend is involved.
 */
export async function benchExemplar(
  runs: number,
): Promise<{ ms: number; runs: number; hints: number }> {
  const width = COMPOSE_WIDTH;
  const height = COMPOSE_HEIGHT;
  const target = { width, height, L: syntheticL(width, height) };
  // The reference: the same scene mirrored, coloured by quadrant at its own lightness (through
  // a table over whole L* values, so building 12 MP of it stays quick).
  const quadrants: [number, number][] = [
    [30, 20],
    [-25, 15],
    [10, -35],
    [-5, 30],
  ];
  const table = quadrants.map(([a, b]) =>
    Array.from({ length: 101 }, (_, L) => labToSrgb8(L, a, b)),
  );
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const L = Math.round(target.L[y * width + (width - 1 - x)]);
      const q = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      rgba.set(table[q][Math.min(100, Math.max(0, L))], (y * width + x) * 4);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  }
  let hints = 0;
  const timing = await timeMedian(() => {
    hints = transferFromReference(target, { width, height, rgba }).hints.length;
  }, runs);
  return { ...timing, hints };
}
