/** Hints rasterised at full resolution (rasterizeHints in src/core/raster). */
export interface RasterHints {
  ab: Float32Array;
  mask: Uint8Array;
}

/**
 * Replaces the predicted ab by the hint's ab wherever the user placed a hint. The network
 * only approximately honours hints (and upsampling blurs them), yet the user expects to see
 * exactly the colour they clicked; a hard replace is what guarantees it.
 */
export function enforceHints(ab: Float32Array, hints: RasterHints): void {
  const n = hints.mask.length;
  if (ab.length !== n * 2 || hints.ab.length !== n * 2) {
    throw new Error(
      `enforceHints: sizes differ (ab ${ab.length}, hints.ab ${hints.ab.length}, mask ${n} pixels)`,
    );
  }
  const mask = hints.mask;
  const src = hints.ab;
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 0) {
      ab[2 * i] = src[2 * i];
      ab[2 * i + 1] = src[2 * i + 1];
    }
  }
}
