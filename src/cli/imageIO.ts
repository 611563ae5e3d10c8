import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { rgbaToGreyImage } from '../core/color';
import type { GreyImage } from '../core/image';
import { errorMessage, InputError } from './errors';

/** A photograph as the colorizer needs it, plus the alpha channel to put back on output. */
export interface Photo {
  grey: GreyImage;
  /** Per-pixel alpha (row-major, oriented) when the file has one; null when opaque. */
  alpha: Uint8Array | null;
}

/** One-line "file not found" / "is a directory" instead of libvips' wording. */
export async function assertReadableFile(file: string, what = 'file'): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: ${what} not found`);
    throw new InputError(`${file}: cannot read ${what} (${errorMessage(error)})`);
  }
  if (!info.isFile()) throw new InputError(`${file}: not a file`);
}

/**
 * Reads PNG/JPEG/WebP (grey, RGB, RGBA, palette, 16-bit), applies the EXIF orientation and
 * reduces colour to L*. `failOn: 'error'` makes truncated or corrupt data an error instead of a
 * silently grey-padded photo, while still accepting files that only carry libvips warnings.
 */
export async function readPhoto(file: string): Promise<Photo> {
  await assertReadableFile(file, 'image');
  try {
    const image = sharp(file, { failOn: 'error' });
    const meta = await image.metadata();
    // toColourspace('srgb') brings grey, palette, CMYK and 16-bit input to 8-bit sRGB.
    const { data, info } = await image
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4)
      throw new Error(`expected 4 channels after decoding, got ${info.channels}`);
    const rgba = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    const grey = rgbaToGreyImage(rgba, info.width, info.height);
    return { grey, alpha: meta.hasAlpha ? extractAlpha(rgba) : null };
  } catch (error) {
    throw new InputError(`${file}: cannot read image (${describeSharpError(error)})`);
  }
}

function extractAlpha(rgba: Uint8ClampedArray): Uint8Array {
  const alpha = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3];
  return alpha;
}

/** libvips messages are accurate but terse; name the common cases in the user's words. */
function describeSharpError(error: unknown): string {
  const message = errorMessage(error);
  if (/unsupported image format/i.test(message)) return 'not a PNG, JPEG or WebP image';
  if (/premature end|truncated|unexpected end/i.test(message)) return `truncated file: ${message}`;
  return message;
}

/**
 * Writes full-resolution RGBA as an 8-bit sRGB PNG. The photo's own alpha replaces the
 * renderer's (which is opaque); without one the PNG is written as plain RGB.
 */
export async function writePng(
  file: string,
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  alpha: Uint8Array | null,
): Promise<void> {
  if (rgba.length !== width * height * 4) {
    throw new InputError(
      `${file}: rendered image has ${rgba.length} bytes, expected ${width}×${height}×4`,
    );
  }
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  if (alpha) for (let i = 0; i < alpha.length; i++) pixels[i * 4 + 3] = alpha[i];
  try {
    const raw = sharp(pixels, { raw: { width, height, channels: 4 } });
    const png = await (alpha ? raw : raw.removeAlpha()).png().toBuffer();
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, png);
  } catch (error) {
    throw new InputError(`${file}: cannot write PNG (${errorMessage(error)})`);
  }
}
