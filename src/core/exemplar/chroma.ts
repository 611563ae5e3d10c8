import { inGamut } from '../color/gamut';

/**
 * The colour (a, b) at lightness L, its chroma reduced at fixed hue until it is displayable.
 * A reference colour moved onto the target's lightness keeps what it is (its hue) and gives up
 * only vividness, where snapping to the nearest displayable ab would turn it toward another hue.
 */
export function fitChromaAtHue(L: number, a: number, b: number): [number, number] {
  const lightness = Math.min(100, Math.max(0, L));
  if (inGamut(lightness, a, b)) return [a, b];
  let inside = 0;
  let outside = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (inside + outside) / 2;
    if (inGamut(lightness, a * mid, b * mid)) inside = mid;
    else outside = mid;
  }
  return [a * inside, b * inside];
}
