import { meanSaturation, rgbaToLab } from '../../core/color';
import { kmeansAb } from '../../core/color/kmeansAb';
import type { PaletteEntry } from '../../core/session/types';

/** Palette size: 8–16 colours describe a photo's colour mood; more only splits hairs. */
export const PALETTE_SIZE = 12;
/** Reference photos are reduced to about this many pixels: plenty for a 12-colour palette. */
const SAMPLE_PIXELS = 128 * 128;

export interface ReferencePalette {
  palette: PaletteEntry[];
  /** Mean HSV saturation of the reference (what the network's saturation input means). */
  saturation: number;
}

/** RGBA pixels of a reference photo → its ab palette (k-means) and mean saturation. */
export function paletteFromRgba(
  rgba: Uint8ClampedArray | Uint8Array,
  k = PALETTE_SIZE,
): ReferencePalette {
  const lab = rgbaToLab(rgba);
  const n = lab.length / 3;
  const ab = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    ab[2 * i] = lab[3 * i + 1];
    ab[2 * i + 1] = lab[3 * i + 2];
  }
  const palette = kmeansAb(ab, k).map((c) => ({
    ab: [Math.round(c.ab[0] * 10) / 10, Math.round(c.ab[1] * 10) / 10] as [number, number],
    weight: Math.round(c.weight * 1000) / 1000,
  }));
  return { palette, saturation: meanSaturation(rgba) };
}

/** Browser: decodes a reference image small and extracts its palette. */
export async function paletteFromFile(file: Blob): Promise<ReferencePalette> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error('the reference is not a readable JPEG, PNG or WebP image');
  }
  const s = Math.min(1, Math.sqrt(SAMPLE_PIXELS / (bitmap.width * bitmap.height)));
  const width = Math.max(1, Math.round(bitmap.width * s));
  const height = Math.max(1, Math.round(bitmap.height * s));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser has no 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return paletteFromRgba(context.getImageData(0, 0, width, height).data);
}
