/**
 * Pure maths for the canvas view: a uniform scale plus a translation, mapping source-image
 * pixels to stage (screen) pixels: screen = image * scale + offset. Kept free of Konva so it can
 * be unit-tested in node and reused by pointer handling, zoom and fit-to-screen alike.
 */
export interface ViewTransform {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Zoom limits: below 2 % a photo is a dot; above 32× pixels are already huge blocks. */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 32;
/** One keyboard/button zoom step; √2 so two steps double the size. */
export const ZOOM_STEP = Math.SQRT2;

export const IDENTITY_VIEW: ViewTransform = { scale: 1, offsetX: 0, offsetY: 0 };

function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name}: expected a positive finite number, got ${value}`);
  }
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function imageToScreen(view: ViewTransform, p: Point): Point {
  return { x: p.x * view.scale + view.offsetX, y: p.y * view.scale + view.offsetY };
}

export function screenToImage(view: ViewTransform, p: Point): Point {
  return { x: (p.x - view.offsetX) / view.scale, y: (p.y - view.offsetY) / view.scale };
}

/**
 * The largest scale at which the whole image fits the viewport with `margin` screen pixels on
 * every side, centred. Never enlarges beyond 1:1 unless `allowUpscale`, since blowing a small
 * photo up by default only shows its pixels.
 */
export function fitToScreen(
  imageWidth: number,
  imageHeight: number,
  viewWidth: number,
  viewHeight: number,
  margin = 24,
  allowUpscale = false,
): ViewTransform {
  assertPositive('imageWidth', imageWidth);
  assertPositive('imageHeight', imageHeight);
  assertPositive('viewWidth', viewWidth);
  assertPositive('viewHeight', viewHeight);
  const availableW = Math.max(1, viewWidth - 2 * margin);
  const availableH = Math.max(1, viewHeight - 2 * margin);
  let scale = Math.min(availableW / imageWidth, availableH / imageHeight);
  if (!allowUpscale) scale = Math.min(scale, 1);
  scale = clampScale(scale);
  return {
    scale,
    offsetX: (viewWidth - imageWidth * scale) / 2,
    offsetY: (viewHeight - imageHeight * scale) / 2,
  };
}

/** Zooms by `factor` keeping the image point under `anchor` (screen px) fixed on screen. */
export function zoomAt(view: ViewTransform, factor: number, anchor: Point): ViewTransform {
  assertPositive('factor', factor);
  const scale = clampScale(view.scale * factor);
  const fixed = screenToImage(view, anchor);
  return { scale, offsetX: anchor.x - fixed.x * scale, offsetY: anchor.y - fixed.y * scale };
}

export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, offsetX: view.offsetX + dx, offsetY: view.offsetY + dy };
}

/**
 * Wheel delta → zoom factor. Exponential so that trackpads (many small deltas) and mouse wheels
 * (few large ones) zoom at the same rate per pixel scrolled; 1/500 feels like one ZOOM_STEP per
 * typical notch (~170 px in Chromium).
 */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(-deltaY / 500);
}
