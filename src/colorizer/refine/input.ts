import type { HintRaster } from '../../core/raster';

/** Everything at working resolution; nothing here is modified. */
export interface RefineInput {
  width: number;
  height: number;
  /** Network ab N, interleaved a*, b*, height·width·2. */
  ab: Float32Array;
  /** Hint raster H, M at the same size (the one the network was fed). */
  hints: HintRaster;
  /** Lightness per pixel in any affine unit of L* (the network's (L − 50)/100 input works). */
  l: Float32Array;
  /** L* per unit of `l` (100 for the network input), so σ stays in L* units. */
  lScale: number;
  /** Output clamp: |a*|, |b*| ≤ abLimit (110, the net's tanh output scale). */
  abLimit: number;
}
