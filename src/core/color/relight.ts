/**
 * Re-lighting a colour: the user picks a colour (a*, b* of an sRGB colour at its own L*) and
 * the photo supplies the lightness. At another L* that chroma is often not displayable (pure
 * blue has C* 134 at L* 32; at L* 80 blue holds about 30), and clipping each RGB channel, or
 * taking the nearest displayable ab, turns it into another hue (#0000ff on a sky became
 * violet). Here the hue angle h = atan2(b*, a*) (CIE LCh(ab)) stays fixed and only the chroma
 * shrinks, to the largest one displayable at that L*.
 */
import { inGamut } from './gamut';

/** Beyond any sRGB chroma at any L* (the largest is about 134, blue near L* 32). */
const CHROMA_LIMIT = 200;
/** Coarse step of the outward search: the slice boundary is crossed once per hue (see test). */
const CHROMA_STEP = 1;
/** Bisection steps after the coarse search: the step shrinks to 2⁻⁴⁰, far below any display step. */
const BISECT_STEPS = 40;

function checkLightness(fn: string, L: number): void {
  if (!Number.isFinite(L) || L < 0 || L > 100) {
    throw new RangeError(`${fn}: L must be a number in [0, 100], got ${L}`);
  }
}

/**
 * The largest chroma C* such that (L, C cos h, C sin h) is in the sRGB gamut, h in radians.
 * The colours from grey (C* 0, always displayable) up to it are all displayable.
 */
export function maxChroma(L: number, hue: number): number {
  checkLightness('maxChroma', L);
  if (!Number.isFinite(hue)) throw new RangeError(`maxChroma: hue must be finite, got ${hue}`);
  const cos = Math.cos(hue);
  const sin = Math.sin(hue);
  const inside = (c: number) => inGamut(L, c * cos, c * sin);
  if (!inside(0)) return 0; // only for L* a hair outside what the tolerance admits
  let low = 0;
  let high = CHROMA_STEP;
  while (high <= CHROMA_LIMIT && inside(high)) {
    low = high;
    high += CHROMA_STEP;
  }
  for (let i = 0; i < BISECT_STEPS; i++) {
    const mid = (low + high) / 2;
    if (inside(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * (a, b) shown at lightness L with its hue kept: unchanged when displayable there, otherwise
 * the same hue angle at the largest displayable chroma. Grey stays grey.
 */
export function relightAb(L: number, a: number, b: number): [number, number] {
  checkLightness('relightAb', L);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`relightAb: a, b must be finite numbers, got (${a}, ${b})`);
  }
  if (inGamut(L, a, b)) return [a, b];
  const hue = Math.atan2(b, a);
  const limit = Math.min(maxChroma(L, hue), Math.hypot(a, b));
  // The same arithmetic maxChroma tested, so the result is exactly a point it found inside.
  return [limit * Math.cos(hue), limit * Math.sin(hue)];
}
