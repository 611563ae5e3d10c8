/** What makes a photo unusable as a colour reference, in words for a one-line error. */
import type { LabPlanes } from './reduce';

/** Smaller than this a side, a photo has too few regions to match. */
export const MIN_REFERENCE_SIDE = 32;
/** From this many pixels on, a reference is refused before decoding (memory, not quality). */
export const MAX_REFERENCE_PIXELS = 50_000_000;
/** A pixel is coloured from this chroma (C*ab) on; JPEG noise on grey stays below ~3. */
const COLOURED_CHROMA = 8;
/** A reference needs at least this share of coloured pixels to have colours to give. */
const MIN_COLOURED_SHARE = 0.02;

/** Size problem, checked from the header before decoding; null when fine. */
export function referenceSizeProblem(width: number, height: number): string | null {
  if (Math.min(width, height) < MIN_REFERENCE_SIDE) {
    return `reference is ${width}×${height}, too small to match (at least ${MIN_REFERENCE_SIDE} px a side)`;
  }
  if (width * height >= MAX_REFERENCE_PIXELS) {
    const mp = ((width * height) / 1e6).toFixed(1);
    return `reference is ${width}×${height} (${mp} MP), too large (under ${MAX_REFERENCE_PIXELS / 1e6} MP)`;
  }
  return null;
}

/** "Black and white" when almost no pixel of the reduced reference has colour; null when fine. */
export function referenceColourProblem(image: LabPlanes): string | null {
  let coloured = 0;
  let chroma = 0;
  for (let i = 0; i < image.a.length; i++) {
    const c = Math.hypot(image.a[i], image.b[i]);
    chroma += c;
    if (c >= COLOURED_CHROMA) coloured++;
  }
  const share = coloured / image.a.length;
  if (share >= MIN_COLOURED_SHARE) return null;
  const mean = (chroma / image.a.length).toFixed(1);
  return `reference is black and white (mean chroma ${mean}, ${(share * 100).toFixed(1)} % of pixels coloured): it has no colours to give`;
}
