/**
 * Re-lighting a colour: the user picks a colour (a*, b* of an sRGB colour at its own L*) and
 * the photo supplies the lightness. At another L* that chroma is often not displayable (pure
 * blue has C* 134 at L* 32; at L* 80 blue holds about 30), and clipping each RGB channel, or
 * taking the nearest displayable ab, turns it into another hue (#0000ff on a sky became
 * violet). Here the hue stays and only the chroma shrinks, to the largest one displayable at
 * that L*. "The hue" is the one seen: the OKLab hue of the colour where it is displayable,
 * because CIELAB's own hue angle bends blue toward purple as it lightens (#0000ff kept at its
 * CIE LCh(ab) angle shows as lavender #b28cff at L* 66; at its OKLab hue, as blue).
 */
import { inGamut } from './gamut';
import { oklabHue } from './oklab';

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
  const chroma = Math.hypot(a, b);
  const seen = oklabHue(sourceLightness(L, a, b), a, b);
  const hue = angleWithOklabHue(L, Math.atan2(b, a), seen, chroma);
  const limit = Math.min(maxChroma(L, hue), chroma);
  // The same arithmetic maxChroma tested, so the result is exactly a point it found inside.
  return [limit * Math.cos(hue), limit * Math.sin(hue)];
}

/** Where the colour was seen: the displayable L* nearest to L, else its hue's most chromatic L*. */
function sourceLightness(L: number, a: number, b: number): number {
  let best = -1;
  for (let s = 0; s <= 100; s += 0.5) {
    if (inGamut(s, a, b) && (best < 0 || Math.abs(s - L) < Math.abs(best - L))) best = s;
  }
  if (best >= 0) return best;
  const hue = Math.atan2(b, a);
  let cusp = 50;
  let most = -1;
  for (let s = 1; s < 100; s += 1) {
    const c = maxChroma(s, hue);
    if (c > most) [cusp, most] = [s, c];
  }
  return cusp;
}

/** How far (radians) the CIELAB angle may turn to match the OKLab hue; blue needs about 0.4. */
const MAX_TURN = Math.PI / 3;

/**
 * The CIELAB hue angle near `start` whose colour at lightness L (at the chroma it will get)
 * has OKLab hue `target`: bisection, the OKLab hue growing with the angle over this span.
 */
function angleWithOklabHue(L: number, start: number, target: number, chroma: number): number {
  const miss = (angle: number) => {
    const c = Math.min(maxChroma(L, angle), chroma);
    if (c < 1e-6) return 0; // black or white: no hue to match
    const h = oklabHue(L, c * Math.cos(angle), c * Math.sin(angle));
    return Math.atan2(Math.sin(h - target), Math.cos(h - target));
  };
  let low = start - MAX_TURN;
  let high = start + MAX_TURN;
  if (miss(low) > 0 || miss(high) < 0) return start; // no match on the span: keep the angle
  for (let i = 0; i < BISECT_STEPS; i++) {
    const mid = (low + high) / 2;
    if (miss(mid) < 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
