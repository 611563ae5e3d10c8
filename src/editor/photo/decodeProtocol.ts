/** Messages between the editor and its photo-decoding worker (./decodeWorker.ts). */
export interface DecodeRequest {
  id: number;
  blob: Blob;
  /** Downscale (keeping the aspect) so the decoded grey image has at most this many pixels. */
  maxPixels: number;
}

export type DecodeReply =
  | {
      id: number;
      ok: true;
      /** Size of the photo as stored (after EXIF orientation). */
      sourceWidth: number;
      sourceHeight: number;
      /** The decoded grey image, possibly downscaled. */
      width: number;
      height: number;
      L: Float32Array;
      /** The grey image as displayable RGBA, made here so the page never loops over pixels. */
      greyRgba: Uint8ClampedArray;
    }
  | { id: number; ok: false; message: string };

/** Largest size the decode downscales to: keeps the area ≤ maxPixels, sides ≥ 1. */
export function fitPixels(
  width: number,
  height: number,
  maxPixels: number,
): { width: number; height: number } {
  if (width * height <= maxPixels) return { width, height };
  const s = Math.sqrt(maxPixels / (width * height));
  return { width: Math.max(1, Math.floor(width * s)), height: Math.max(1, Math.floor(height * s)) };
}
