import { labToSrgb8, srgb8ToLab } from '../../core/color';
import type { GreyImage } from '../../core/image';
import type { Ab } from '../../core/session/types';
import { RelightMemo } from './relightMemo';

export type Rgb8 = [number, number, number];

/** Lightness used to show a hint colour when no photo lightness applies: a mid-light L* where
 * the sRGB gamut is widest, so swatches stay readable. */
export const SWATCH_LIGHTNESS = 65;

const swatchRelight = new RelightMemo();

/** The displayable sRGB of (L, a, b): its hue at the largest chroma displayable at L. */
export function abToRgb(ab: Ab, L = SWATCH_LIGHTNESS): Rgb8 {
  const [a, b] = swatchRelight.relight(Math.min(100, Math.max(0, L)), ab[0], ab[1]);
  const [r, g, bl] = labToSrgb8(L, a, b);
  return [r, g, bl];
}

export function rgbToHex([r, g, b]: Rgb8): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

export function abToHex(ab: Ab, L = SWATCH_LIGHTNESS): string {
  return rgbToHex(abToRgb(ab, L));
}

/** "#3a7", "3a7bd5", "#3A7BD5" → [r, g, b]; throws naming the bad input. */
export function parseHex(text: string): Rgb8 {
  const hex = text.trim().replace(/^#/, '');
  const full =
    hex.length === 3
      ? hex
          .split('')
          .map((c) => c + c)
          .join('')
      : hex;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) {
    throw new Error(`hex colour: expected #rgb or #rrggbb, got "${text}"`);
  }
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb8;
}

/** "12, 200, 7" or "rgb(12 200 7)" → [r, g, b]; throws naming the bad part. */
export function parseRgb(text: string): Rgb8 {
  const parts = text
    .replace(/^\s*rgb\s*\(/i, '')
    .replace(/\)\s*$/, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (parts.length !== 3) {
    throw new Error(`RGB colour: expected three numbers 0–255, got "${text}"`);
  }
  return parts.map((part, i) => {
    const v = Number(part);
    if (!Number.isInteger(v) || v < 0 || v > 255) {
      throw new Error(`RGB colour: ${'RGB'[i]} must be an integer 0–255, got "${part}"`);
    }
    return v;
  }) as Rgb8;
}

/** The chroma of an sRGB colour: the user picks a colour, the photo keeps its own lightness. */
export function rgbToAb(rgb: Rgb8): Ab {
  const [, a, b] = srgb8ToLab(rgb[0], rgb[1], rgb[2]);
  return [a, b];
}

/** L* of the working image under a source-pixel position (clamped to the image). */
export function lightnessAt(
  grey: GreyImage,
  sourceWidth: number,
  sourceHeight: number,
  x: number,
  y: number,
): number {
  const j = Math.min(grey.width - 1, Math.max(0, Math.floor((x / sourceWidth) * grey.width)));
  const i = Math.min(grey.height - 1, Math.max(0, Math.floor((y / sourceHeight) * grey.height)));
  return grey.L[i * grey.width + j];
}
