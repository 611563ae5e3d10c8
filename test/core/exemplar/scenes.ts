/**
 * Synthetic scenes for the matcher: a 3×3 mosaic of blocks, each with its own lightness level,
 * texture and colour, rendered as RGBA (the reference) or as L* (the target).
 */
import { labToSrgb8, rgbaToGreyImage } from '../../../src/core/color';
import type { GreyImage } from '../../../src/core/image';

export interface Block {
  L: number;
  /** 'flat', or stripes across x ('v') or y ('h'). */
  texture: 'flat' | 'v' | 'h';
  ab: [number, number];
}

export const BLOCK = 32;

/** Nine blocks, no two alike in lightness and texture, each with a distinct colour. */
export const BLOCKS: Block[] = [
  { L: 30, texture: 'flat', ab: [40, 30] },
  { L: 30, texture: 'v', ab: [-30, 20] },
  { L: 30, texture: 'h', ab: [10, -40] },
  { L: 55, texture: 'flat', ab: [-25, -15] },
  { L: 55, texture: 'v', ab: [35, -10] },
  { L: 55, texture: 'h', ab: [-10, 45] },
  { L: 80, texture: 'flat', ab: [15, 25] },
  { L: 80, texture: 'v', ab: [-20, -5] },
  { L: 80, texture: 'h', ab: [25, 5] },
];

/** L* of a block at a pixel inside it: stripes 4 px wide, ±8 L*. */
function lightness(block: Block, x: number, y: number): number {
  if (block.texture === 'flat') return block.L;
  const t = block.texture === 'v' ? x : y;
  return block.L + (Math.floor(t / 4) % 2 ? 8 : -8);
}

/** RGBA of the mosaic with blocks[order[k]] at position k (row-major 3×3). */
export function mosaicRgba(order: number[], blocks: Block[] = BLOCKS) {
  const side = 3 * BLOCK;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const block = blocks[order[Math.floor(y / BLOCK) * 3 + Math.floor(x / BLOCK)]];
      const [r, g, b] = labToSrgb8(lightness(block, x, y), block.ab[0], block.ab[1]);
      rgba.set([r, g, b, 255], (y * side + x) * 4);
    }
  }
  return { width: side, height: side, rgba };
}

/** The grey target: the mosaic's L* (colour removed). */
export function mosaicGrey(order: number[]): GreyImage {
  const { width, height, rgba } = mosaicRgba(order);
  return rgbaToGreyImage(rgba, width, height);
}

/** The block under a source pixel of a mosaic laid out by `order`. */
export function blockAt(order: number[], x: number, y: number): Block {
  const col = Math.min(2, Math.floor(x / BLOCK));
  const row = Math.min(2, Math.floor(y / BLOCK));
  return BLOCKS[order[row * 3 + col]];
}

/**
 * The same mosaic photographed again: mirrored, enlarged by `scale` and cropped to `keep` of
 * each side at (left, top) of the enlarged frame (nearest sampling).
 */
export function mosaicRgbaReframed(
  order: number[],
  { scale = 1.15, keep = 0.85, left = 6, top = 10 } = {},
) {
  const side = 3 * BLOCK;
  const out = Math.round(side * scale * keep);
  const rgba = new Uint8ClampedArray(out * out * 4);
  for (let Y = 0; Y < out; Y++) {
    for (let X = 0; X < out; X++) {
      const x = Math.min(side - 1, Math.floor(side - 1 - (X + left) / scale));
      const y = Math.min(side - 1, Math.floor((Y + top) / scale));
      const block = blockAt(order, x, y);
      const [r, g, b] = labToSrgb8(lightness(block, x, y), block.ab[0], block.ab[1]);
      rgba.set([r, g, b, 255], (Y * out + X) * 4);
    }
  }
  return { width: out, height: out, rgba };
}
