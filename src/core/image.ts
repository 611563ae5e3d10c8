/**
 * A photograph reduced to its lightness: L* (CIELAB, D65, 0–100) per pixel, row-major.
 * Colour is always re-predicted, so this is all the colorizer ever needs of the photo.
 */
export interface GreyImage {
  width: number;
  height: number;
  L: Float32Array;
}
