/**
 * The Zhang et al. 2017 hint protocol on train256 photos, for tuning runtime constants
 * (src/colorizer/refine) without touching val256, which is for reporting only: a plain tar
 * reader, seeded prefix-consistent 6×6 patch hints, PSNR on 8-bit sRGB.
 */
import { readFile } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import sharp from 'sharp';
import { DEFAULT_MODEL } from '../../src/cli/args';
import { areaResample } from '../../src/colorizer/compose/resample';
import type { RefineParams } from '../../src/colorizer/refine';
import { rgbaToGreyImage, srgb8ToLab } from '../../src/core/color';
import type { GreyImage } from '../../src/core/image';
import type { PointHint } from '../../src/core/session';

const PATCH = 6; // the protocol's hint patch side

export interface TuningArgs {
  /** `--photos N` (default 40). */
  count: number;
  /** `--tar FILE` (required): a plain tar of JPEGs from the training side, never val256. */
  tar: string;
  /** `--model model.json` (default the shipped one: candidates can be tuned before they ship). */
  model: string;
  /** The script's own options, parsed by `extra`. */
  values: Record<string, string | boolean | undefined>;
}

/**
 * A tuning script's command line: --tar, --photos, --model and the script's own `extra`
 * options (node:util parseArgs, strict: an unknown option is an error). `usage` is printed
 * when --tar is missing.
 */
export function tuningArgs(
  usage: string,
  extra: NonNullable<ParseArgsConfig['options']> = {},
  argv = process.argv.slice(2),
): TuningArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      photos: { type: 'string', default: '40' },
      tar: { type: 'string' },
      model: { type: 'string', default: DEFAULT_MODEL },
      ...extra,
    },
  });
  const v = values as Record<string, string | boolean | undefined>;
  if (typeof v.tar !== 'string')
    throw new Error(`--tar FILE is required
usage: ${usage}`);
  const count = Number(v.photos);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--photos: expected a whole number >= 1, got ${v.photos}`);
  return { count, tar: v.tar, model: String(v.model), values: v };
}

export interface Photo {
  key: string;
  grey: GreyImage;
  rgba: Uint8ClampedArray;
}

/** Members of a plain (ustar) tar, in order: 512-byte headers, data padded to 512. */
function* tarMembers(buf: Buffer): Generator<{ name: string; data: Buffer }> {
  let off = 0;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) return;
    const name = header.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('latin1').trim(), 8);
    const type = String.fromCharCode(header[156]);
    if (!Number.isFinite(size)) throw new Error(`tar: bad size field in the header of "${name}"`);
    const start = off + 512;
    if (type === '0' || type === '\0') yield { name, data: buf.subarray(start, start + size) };
    off = start + Math.ceil(size / 512) * 512;
  }
}

export async function readPhotos(tarFile: string, count: number): Promise<Photo[]> {
  const out: Photo[] = [];
  for (const { name, data } of tarMembers(await readFile(tarFile))) {
    if (!name.endsWith('.jpg')) continue;
    const { data: rgb, info } = await sharp(data)
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba = new Uint8ClampedArray(rgb.buffer, rgb.byteOffset, rgb.length);
    out.push({ key: name, grey: rgbaToGreyImage(rgba, info.width, info.height), rgba });
    if (out.length === count) break;
  }
  if (out.length < count)
    throw new Error(`${tarFile}: only ${out.length} JPEGs, asked for ${count}`);
  return out;
}

/** mulberry32 seeded by the key: the same hints for a photo on every run. */
function rngFor(key: string): () => number {
  let s = 2017;
  for (const ch of key) s = Math.imul(s ^ ch.charCodeAt(0), 2654435761);
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The photo's 100-hint sequence (k hints = its first k) as session point hints. */
export function protocolHints(photo: Photo, count: number): PointHint[] {
  const { width, height } = photo.grey;
  const rand = rngFor(photo.key);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const taken = new Uint8Array(width * height);
  const hints: PointHint[] = [];
  for (let draw = 0; hints.length < count; draw++) {
    if (draw > 100_000) throw new Error(`${photo.key}: cannot place ${count} hint patches`);
    const cy = height / 2 + (height / 4) * gauss();
    const cx = width / 2 + (width / 4) * gauss();
    const row = Math.min(height - PATCH, Math.max(0, Math.round(cy - PATCH / 2)));
    const col = Math.min(width - PATCH, Math.max(0, Math.round(cx - PATCH / 2)));
    let free = true;
    for (let y = row; y < row + PATCH && free; y++)
      for (let x = col; x < col + PATCH; x++) if (taken[y * width + x]) free = false;
    if (!free) continue;
    let a = 0;
    let b = 0;
    for (let y = row; y < row + PATCH; y++) {
      for (let x = col; x < col + PATCH; x++) {
        taken[y * width + x] = 1;
        const i = 4 * (y * width + x);
        const lab = srgb8ToLab(photo.rgba[i], photo.rgba[i + 1], photo.rgba[i + 2]);
        a += lab[1];
        b += lab[2];
      }
    }
    const ab: [number, number] = [a / PATCH ** 2, b / PATCH ** 2];
    hints.push({ kind: 'point', x: col + PATCH / 2, y: row + PATCH / 2, size: PATCH, ab });
  }
  return hints;
}

export function psnr(truth: Uint8ClampedArray, pred: Uint8ClampedArray): number {
  let se = 0;
  let n = 0;
  for (let i = 0; i < truth.length; i += 4) {
    for (let c = 0; c < 3; c++) se += (truth[i + c] - pred[i + c]) ** 2;
    n += 3;
  }
  return 10 * Math.log10((255 * 255) / Math.max(se / n, 1e-10));
}

/** Working-res L in units of lScale, by the same area resample as the colorizer's L cache. */
export function workingL(grey: GreyImage, w: number, h: number, lScale: number): Float32Array {
  return areaResample(grey.L, grey.width, grey.height, w, h).map((v) => v / lScale);
}

/** A propagation setting as a table row label (`none` for the row without one). */
export function refineLabel(p: RefineParams | null, none: string): string {
  if (!p) return none;
  const cascade = p.coarseLevels ? ` cascade ${p.coarseLevels}×${p.coarseIterations}` : '';
  return `σ=${p.sigma} μ=${p.mu} β=${p.beta} it=${p.maxIterations}${cascade}`;
}
