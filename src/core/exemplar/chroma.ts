import { shrinkChromaIntoGamut } from '../color/gamut';

/**
 * The colour (a, b) at lightness L, its chroma reduced at fixed hue until it is displayable.
 * A reference colour moved onto the target's lightness keeps what it is (its hue) and gives up
 * only vividness, where snapping to the nearest displayable ab would turn it toward another hue.
 * (It keeps the CIELAB hue angle, unlike relightAb, which keeps the OKLab hue.)
 */
export function fitChromaAtHue(L: number, a: number, b: number): [number, number] {
  return shrinkChromaIntoGamut(Math.min(100, Math.max(0, L)), a, b, 30);
}
