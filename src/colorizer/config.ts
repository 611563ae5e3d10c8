/** Working-resolution rules shared by the runtime and its callers. */

export const MIN_WORKING_SIZE = 32;
export const MAX_WORKING_SIZE = 1024;
/** The network's total downsampling (model contract v1 `stride`). */
export const NETWORK_STRIDE = 16;

/** Throws unless `size` is a positive multiple of 16 in [32, 1024]. */
export function validateWorkingSize(size: unknown, where = 'workingSize'): number {
  if (
    typeof size !== 'number' ||
    !Number.isInteger(size) ||
    size % NETWORK_STRIDE !== 0 ||
    size < MIN_WORKING_SIZE ||
    size > MAX_WORKING_SIZE
  ) {
    throw new Error(
      `${where} must be a positive multiple of ${NETWORK_STRIDE} between ${MIN_WORKING_SIZE} and ${MAX_WORKING_SIZE}, got ${JSON.stringify(size)}`,
    );
  }
  return size;
}

/**
 * Network input size for a photo: the long side becomes `longSide`, the short side keeps the
 * aspect ratio, and each is rounded to the nearest multiple of `stride` (at least one stride).
 */
export function workingSizeFor(
  width: number,
  height: number,
  longSide: number,
  stride = NETWORK_STRIDE,
): { width: number; height: number } {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new Error(`image size must be positive, got ${width}×${height}`);
  }
  const scale = longSide / Math.max(width, height);
  const round = (v: number): number => Math.max(stride, Math.round((v * scale) / stride) * stride);
  return { width: round(width), height: round(height) };
}
