import { snapToGamut, srgb8ToLab } from '../../core/color';
import type { GreyImage } from '../../core/image';
import type { Ab } from '../../core/session/types';

/** The colouring on screen: RGBA at the working grey copy's size (the preview's output). */
export interface ShownColouring {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The network's guess for a new point, as in Zhang et al.'s editor: the colour shown under the
 * point (a*, b* averaged over the point's disc on the latest colouring), re-lit to the photo's
 * mean L* there and snapped into the gamut at that L*, so the point starts as what the user
 * already sees and the photo does not change until they pick another colour.
 * (x, y, size) are source pixels; `shown` and `grey` share the working size. Null when the
 * colouring does not match the photo (a stale one while a new photo opens).
 */
export function guessAt(
  shown: ShownColouring,
  grey: GreyImage,
  source: { width: number; height: number },
  x: number,
  y: number,
  size: number,
): Ab | null {
  if (shown.width !== grey.width || shown.height !== grey.height) return null;
  const scale = grey.width / source.width;
  // At least the pixel under the centre, however small the point is at working size.
  const radius = Math.max(0.5, (size / 2) * scale);
  const cx = x * scale;
  const cy = y * scale;
  const j0 = Math.max(0, Math.floor(cx - radius));
  const j1 = Math.min(grey.width - 1, Math.floor(cx + radius));
  const i0 = Math.max(0, Math.floor(cy - radius));
  const i1 = Math.min(grey.height - 1, Math.floor(cy + radius));
  let [n, sumL, sumA, sumB] = [0, 0, 0, 0];
  for (let i = i0; i <= i1; i++) {
    for (let j = j0; j <= j1; j++) {
      if (Math.hypot(j + 0.5 - cx, i + 0.5 - cy) > radius) continue;
      const p = 4 * (i * grey.width + j);
      const [, a, b] = srgb8ToLab(shown.rgba[p], shown.rgba[p + 1], shown.rgba[p + 2]);
      sumL += grey.L[i * grey.width + j];
      sumA += a;
      sumB += b;
      n++;
    }
  }
  if (n === 0) {
    // The disc missed every pixel centre: take the pixel under the point.
    const j = Math.min(grey.width - 1, Math.max(0, Math.floor(cx)));
    const i = Math.min(grey.height - 1, Math.max(0, Math.floor(cy)));
    const p = 4 * (i * grey.width + j);
    const [, a, b] = srgb8ToLab(shown.rgba[p], shown.rgba[p + 1], shown.rgba[p + 2]);
    [n, sumL, sumA, sumB] = [1, grey.L[i * grey.width + j], a, b];
  }
  const [a, b] = snapToGamut(sumL / n, sumA / n, sumB / n);
  return [a, b];
}
