/**
 * The size the editor composes its colour preview at. Composition and the canvas upload cost
 * per pixel (a 12-MP preview took seconds per stroke on a 2-core CPU), so the preview follows
 * the screen: as many pixels as the photo covers on the device at the current zoom, rounded up
 * to a quarter octave so zooming recomposes only at those steps, never above the working copy
 * and never above MAX_PREVIEW_PIXELS. Export does not use it: it renders at full resolution.
 */

/** About a 2560×1600 display's pixels: beyond this the preview is upscaled when zoomed in. */
export const MAX_PREVIEW_PIXELS = 4_200_000;

/** Zoom steps at which the preview is recomposed: 2^(1/4) apart. */
const STEPS_PER_OCTAVE = 4;

export function previewSize(
  grey: { width: number; height: number },
  sourceWidth: number,
  /** Screen (CSS) pixels per source pixel: the view transform's scale. */
  viewScale: number,
  devicePixelRatio: number,
): { width: number; height: number } {
  const devicePerGrey = (viewScale * devicePixelRatio * sourceWidth) / grey.width;
  // The epsilon keeps an exact step (0.25 = 2^-2) from rounding up to the next one.
  const steps = Math.ceil(STEPS_PER_OCTAVE * Math.log2(devicePerGrey) - 1e-9);
  const cap = Math.sqrt(MAX_PREVIEW_PIXELS / (grey.width * grey.height));
  const f = Number.isFinite(steps) ? Math.min(1, cap, 2 ** (steps / STEPS_PER_OCTAVE)) : 1;
  return {
    width: Math.max(1, Math.round(grey.width * f)),
    height: Math.max(1, Math.round(grey.height * f)),
  };
}

/**
 * While a brush or eraser stroke is being painted the preview is composed at half the side
 * (a quarter of the pixels): composition was the larger half of each update, and the full
 * size follows as soon as the stroke ends (the worker recomposes its last run, no network).
 */
export function paintingPreviewSize(size: { width: number; height: number }): {
  width: number;
  height: number;
} {
  return {
    width: Math.max(1, Math.round(size.width / 2)),
    height: Math.max(1, Math.round(size.height / 2)),
  };
}
