import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labToSrgb8, relightAb, rgbaToGreyImage, srgb8ToLab } from '../../src/core/color';
import { transferFromReference } from '../../src/core/exemplar';
import type { PointHint } from '../../src/core/session';
import { emptySession, serializeSession } from '../../src/core/session';
import { mosaicGrey, mosaicRgba, mosaicRgbaReframed } from '../core/exemplar/scenes';
import { isOneLineError, runInProcess, TINY_MODEL } from './run';

const TARGET = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const SHUFFLED = [7, 2, 5, 0, 8, 3, 6, 1, 4];
const tiny = ['--model', TINY_MODEL, '--backend', 'cpu'];
let dir: string;
const at = (name: string) => path.join(dir, name);

/** RGBA → PNG, 2× larger (nearest), so the reference points are several pixels wide. */
function png(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Buffer> {
  return sharp(Buffer.from(rgba), { raw: { width, height, channels: 4 } })
    .resize(width * 2, height * 2, { kernel: 'nearest' })
    .png()
    .toBuffer();
}

async function decode(file: string) {
  const { data, info } = await sharp(file)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8ClampedArray(data) };
}

/** A PNG whose header claims width × height (the pixel data is a 1×1 image's: never decoded). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#c04020' } })
    .png()
    .toBuffer();
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29); // IHDR's CRC over type + data
  return bytes;
}

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A colour photo of another scene: diagonal stripes of two colours, nothing like the mosaic. */
function stripes(width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rgba.set(
        Math.floor((x + y) / 5) % 2 ? [40, 90, 200, 255] : [230, 200, 60, 255],
        4 * (y * width + x),
      );
  return rgba;
}

let expected: PointHint[];
let userPoint: PointHint;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tintype-reference-'));
  const grey = mosaicGrey(TARGET);
  const greyRgba = new Uint8ClampedArray(grey.L.length * 4);
  for (let i = 0; i < grey.L.length; i++)
    greyRgba.set([...labToSrgb8(grey.L[i], 0, 0), 255], 4 * i);
  await writeFile(at('target.png'), await png(greyRgba, grey.width, grey.height));
  const colour = mosaicRgbaReframed(TARGET); // the same scene, mirrored and reframed
  await writeFile(at('colour.png'), await png(colour.rgba, colour.width, colour.height));
  const tinyColour = mosaicRgba(SHUFFLED);
  await writeFile(
    at('tiny.png'),
    await sharp(await png(tinyColour.rgba, 96, 96))
      .resize(20, 20)
      .toBuffer(),
  );
  await writeFile(at('elsewhere.png'), await png(stripes(96, 96), 96, 96));
  await writeFile(at('huge.png'), await pngClaiming(10000, 5000));
  await writeFile(at('corrupt.jpg'), Buffer.from('\xff\xd8\xff\xe0 not really a JPEG', 'latin1'));
  const target = await decode(at('target.png'));
  const reference = await decode(at('colour.png'));
  const targetGrey = rgbaToGreyImage(target.rgba, target.width, target.height);
  expected = transferFromReference(targetGrey, reference).hints;
  // The user's own point sits exactly on the first reference point, in another colour.
  const L = targetGrey.L[Math.round(expected[0].y) * targetGrey.width + Math.round(expected[0].x)];
  userPoint = { ...expected[0], ab: relightAb(L, -30, -20) };
  delete userPoint.from;
  const session = {
    ...emptySession({ width: 192, height: 192, name: 'target.png' }),
    hints: [userPoint],
  };
  await writeFile(at('session.json'), serializeSession(session));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Mean ab of the output over a point's inner pixels. */
async function abUnder(file: string, h: PointHint): Promise<[number, number]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  let a = 0;
  let b = 0;
  let n = 0;
  const half = Math.max(0, Math.floor(h.size / 2) - 1);
  for (let y = Math.round(h.y) - half; y <= Math.round(h.y) + half - (h.size % 2 ? 0 : 1); y++) {
    for (let x = Math.round(h.x) - half; x <= Math.round(h.x) + half - (h.size % 2 ? 0 : 1); x++) {
      const p = (y * info.width + x) * info.channels;
      const lab = srgb8ToLab(data[p], data[p + 1], data[p + 2]);
      a += lab[1];
      b += lab[2];
      n++;
    }
  }
  return [a / n, b / n];
}

async function decodeArgs(file: string): Promise<[Uint8ClampedArray, number, number]> {
  const { rgba, width, height } = await decode(file);
  return [rgba, width, height];
}

const near = (got: [number, number], want: [number, number]) =>
  Math.hypot(got[0] - want[0], got[1] - want[1]);

describe('tintype colorize --reference', () => {
  it("colours the reference's matched points, and the session's own hint wins where they meet", async () => {
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const out = at('out.png');
    const r = await runInProcess([
      'colorize',
      at('target.png'),
      '--reference',
      at('colour.png'),
      '--session',
      at('session.json'),
      '--out',
      out,
      ...tiny,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(near(await abUnder(out, userPoint), userPoint.ab)).toBeLessThan(4);
    for (const h of expected.slice(1)) expect(near(await abUnder(out, h), h.ab)).toBeLessThan(4);
  });

  it('takes "reference" from a batch manifest line', async () => {
    const manifest = at('batch.jsonl');
    await writeFile(
      manifest,
      `${JSON.stringify({ image: 'target.png', reference: 'colour.png', out: 'batch-out.png' })}\n`,
    );
    const r = await runInProcess(['batch', manifest, ...tiny]);
    expect(r.code).toBe(0);
    for (const h of expected)
      expect(near(await abUnder(at('batch-out.png'), h), h.ab)).toBeLessThan(4);
  });

  it('says so, on one line naming the file, when a reference of another scene lends nothing', async () => {
    const target = rgbaToGreyImage(...(await decodeArgs(at('target.png'))));
    expect(transferFromReference(target, await decode(at('elsewhere.png'))).hints).toEqual([]);
    const out = at('elsewhere-out.png');
    const r = await runInProcess([
      'colorize',
      at('target.png'),
      '--reference',
      at('elsewhere.png'),
      '--out',
      out,
      ...tiny,
    ]);
    expect(r.code).toBe(0);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(at('elsewhere.png'));
    expect(r.stderr).toMatch(
      /lines up with this photo as the same scene; rendered without its colours/,
    );
    expect(existsSync(out)).toBe(true);
    const manifest = at('elsewhere.jsonl');
    const line = { image: 'target.png', reference: 'elsewhere.png', out: 'elsewhere-batch.png' };
    await writeFile(manifest, `${JSON.stringify(line)}\n`);
    const b = await runInProcess(['batch', manifest, ...tiny]);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/note: .*elsewhere\.png: no part of it lines up/);
  });

  it.each([
    ['target.png', /reference is black and white/],
    ['tiny.png', /reference is 20×20, too small to match/],
    ['huge.png', /reference is 10000×5000 \(50\.0 MP\), too large/],
    ['corrupt.jpg', /cannot read reference photo/],
    ['missing.png', /reference photo not found/],
  ])('refuses %s as a reference in one line naming it, writing nothing', async (name, reason) => {
    const out = at(`bad-${name}.png`);
    const r = await runInProcess([
      'colorize',
      at('target.png'),
      '--reference',
      at(name),
      '--session',
      at('session.json'),
      '--out',
      out,
      ...tiny,
    ]);
    expect(r.code).toBe(1);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(at(name));
    expect(r.stderr).toMatch(reason);
    expect(existsSync(out)).toBe(false);
  });
});
