import { stat } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { rgbaToGreyImage } from '../core/color';
import type { GreyImage } from '../core/image';
import { errorMessage, InputError } from './errors';
import { type WriteOptions, writeFileSafely } from './safeWrite';

/** A photograph as the colorizer needs it, plus the alpha channel to put back on output. */
export interface Photo {
  grey: GreyImage;
  /** Per-pixel alpha (row-major, oriented) when the file has one; null when opaque. */
  alpha: Uint8Array | null;
}

/**
 * What is read: the raster formats scanners and cameras write. TIFF and GIF give their first
 * page/frame. Everything else libvips could open (SVG above all, which can pull other files in
 * through `<image href>`; PDF, HEIF, raw) is refused before decoding.
 */
export const IMAGE_FORMATS = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', tiff: 'TIFF', gif: 'GIF' };
export const FORMATS_IN_WORDS = 'PNG, JPEG, WebP, TIFF or GIF';

/** The default --max-pixels: an 8192 × 8192 scan, about 2 GB of working memory. */
export const DEFAULT_MAX_PIXELS = 8192 * 8192;

/** A photograph's header: its displayed size (after EXIF orientation), read without decoding. */
export interface PhotoHeader {
  /** The path, or how a photo inside another file is named in messages. */
  file: string;
  /** The photo's bytes when it does not come from `file` itself (a project's photo). */
  input?: Buffer;
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** One-line "file not found" / "is a directory" instead of libvips' wording. */
export async function assertReadableFile(file: string, what = 'file'): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: ${what} not found`);
    throw new InputError(`${file}: cannot read ${what} (${errorMessage(error)})`);
  }
  if (!info.isFile()) throw new InputError(`${file}: not a file`);
  return info.size;
}

/** Format and size from the header alone, so a 16000² PNG is refused before it costs 7 GB. */
export async function readPhotoHeader(
  file: string,
  maxPixels: number,
  input?: Buffer,
): Promise<PhotoHeader> {
  if (!input) await assertReadableFile(file, 'image');
  let meta: Metadata;
  try {
    meta = await sharp(input ?? file, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new InputError(`${file}: cannot read image (${describeSharpError(error)})`);
  }
  if (!(meta.format in IMAGE_FORMATS)) {
    throw new InputError(
      `${file}: cannot read image (a ${meta.format.toUpperCase()} file; Tintype reads ${FORMATS_IN_WORDS})`,
    );
  }
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw new InputError(`${file}: cannot read image (no size in header)`);
  if (width * height > maxPixels) {
    throw new InputError(
      `${file}: image is ${width}×${height} (${megapixels(width * height)}), more than --max-pixels ${maxPixels} (${megapixels(maxPixels)})`,
    );
  }
  return { file, width, height, hasAlpha: meta.hasAlpha, ...(input ? { input } : {}) };
}

const megapixels = (n: number) => `${(n / 1e6).toFixed(1)} MP`;

/**
 * Decodes grey, RGB, RGBA, palette, CMYK and 16-bit input, applies the EXIF orientation and
 * reduces colour to L*. `failOn: 'error'` makes truncated or corrupt data an error instead of a
 * silently grey-padded photo, while still accepting files that only carry libvips warnings.
 */
export async function decodePhoto(header: PhotoHeader): Promise<Photo> {
  const { file } = header;
  try {
    const limitInputPixels = Math.max(header.width * header.height, 1);
    const { data, info } = await sharp(header.input ?? file, { failOn: 'error', limitInputPixels })
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4)
      throw new Error(`expected 4 channels after decoding, got ${info.channels}`);
    if (info.width !== header.width || info.height !== header.height) {
      throw new Error(
        `decoded ${info.width}×${info.height}, header said ${header.width}×${header.height}`,
      );
    }
    const rgba = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    const grey = rgbaToGreyImage(rgba, info.width, info.height);
    return { grey, alpha: header.hasAlpha ? extractAlpha(rgba) : null };
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
  if (/unsupported image format/i.test(message)) return `not a ${FORMATS_IN_WORDS} image`;
  if (/premature end|truncated|unexpected end/i.test(message)) return `truncated file: ${message}`;
  return message;
}

/**
 * Writes full-resolution RGBA as an 8-bit sRGB PNG, safely (safeWrite.ts). The photo's own alpha
 * replaces the renderer's (which is opaque); without one the PNG is written as plain RGB.
 */
export async function writePng(
  file: string,
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  alpha: Uint8Array | null,
  options: WriteOptions,
): Promise<void> {
  if (rgba.length !== width * height * 4) {
    throw new InputError(
      `${file}: rendered image has ${rgba.length} bytes, expected ${width}×${height}×4`,
    );
  }
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  if (alpha) for (let i = 0; i < alpha.length; i++) pixels[i * 4 + 3] = alpha[i];
  let png: Buffer;
  try {
    const raw = sharp(pixels, { raw: { width, height, channels: 4 } });
    png = await (alpha ? raw : raw.removeAlpha()).png().toBuffer();
  } catch (error) {
    throw new InputError(`${file}: cannot encode PNG (${errorMessage(error)})`);
  }
  await writeFileSafely(file, png, options);
}
