import { relightAb, srgb8ToLab } from '../../core/color';
import type { GreyImage } from '../../core/image';
import type { Ab } from '../../core/session/types';

/** The colouring on screen: RGBA of the whole photo at any size (the preview's output). */
export interface ShownColouring {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Calls `visit(i, j)` for each pixel of a width × height grid whose centre lies in the disc. */
function forEachInDisc(
  width: number,
  height: number,
  cx: number,
  cy: number,
  radius: number,
  visit: (i: number, j: number) => void,
): void {
  let n = 0;
  const i0 = Math.max(0, Math.floor(cy - radius));
  const i1 = Math.min(height - 1, Math.floor(cy + radius));
  const j0 = Math.max(0, Math.floor(cx - radius));
  const j1 = Math.min(width - 1, Math.floor(cx + radius));
  for (let i = i0; i <= i1; i++)
    for (let j = j0; j <= j1; j++)
      if (Math.hypot(j + 0.5 - cx, i + 0.5 - cy) <= radius) {
        visit(i, j);
        n++;
      }
  // The disc missed every pixel centre: the pixel under its centre.
  if (n === 0)
    visit(
      Math.min(height - 1, Math.max(0, Math.floor(cy))),
      Math.min(width - 1, Math.max(0, Math.floor(cx))),
    );
}

/** Mean of `value` over the point's disc on a grid of the given size (source px in). */
function discMean(
  grid: { width: number; height: number },
  source: { width: number; height: number },
  x: number,
  y: number,
  size: number,
  value: (index: number) => number[],
): number[] {
  const sx = grid.width / source.width;
  const sy = grid.height / source.height;
  // At least the pixel under the centre, however small the point is on this grid.
  const radius = Math.max(0.5, (size / 2) * sx);
  const sum: number[] = [];
  let n = 0;
  forEachInDisc(grid.width, grid.height, x * sx, y * sy, radius, (i, j) => {
    value(i * grid.width + j).forEach((v, c) => {
      sum[c] = (sum[c] ?? 0) + v;
    });
    n++;
  });
  return sum.map((s) => s / n);
}

/**
 * The network's guess for a new point, as in Zhang et al.'s editor: the colour shown under the
 * point (a*, b* averaged over the point's disc on the latest colouring, at whatever size it was
 * composed), re-lit to the photo's mean L* there (from the working grey copy; relightAb keeps
 * the hue and lowers the chroma where that L* cannot show it), so the point starts as what the user already sees. (x, y, size) are
 * source pixels. Null when the colouring's shape does not match the photo (a stale one while
 * another photo opens).
 */
export function guessAt(
  shown: ShownColouring,
  grey: GreyImage,
  source: { width: number; height: number },
  x: number,
  y: number,
  size: number,
): Ab | null {
  const aspect = (shown.width / shown.height) * (grey.height / grey.width);
  if (Math.abs(aspect - 1) > 0.05) return null;
  const [a, b] = discMean(shown, source, x, y, size, (k) => {
    const lab = srgb8ToLab(shown.rgba[4 * k], shown.rgba[4 * k + 1], shown.rgba[4 * k + 2]);
    return [lab[1], lab[2]];
  });
  const [L] = discMean(grey, source, x, y, size, (k) => [grey.L[k]]);
  const [ga, gb] = relightAb(Math.min(100, Math.max(0, L)), a, b);
  return [ga, gb];
}
