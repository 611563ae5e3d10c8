import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompletePng } from '../../src/cli/pngCheck';
import {
  OutputExistsError,
  removeStaleTemps,
  TEMP_SUFFIX,
  writeFileSafely,
} from '../../src/cli/safeWrite';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tintype-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const refuse = { overwrite: false, existsHint: 'pass --overwrite' };
const replace = { overwrite: true, existsHint: '' };
const temps = async () => (await readdir(dir)).filter((f) => f.endsWith(TEMP_SUFFIX));

describe('writeFileSafely', () => {
  it('creates folders, refuses an existing name, replaces it only when told', async () => {
    const file = path.join(dir, 'a/b/out.png');
    await writeFileSafely(file, bytes('first'), refuse);
    await expect(writeFileSafely(file, bytes('second'), refuse)).rejects.toThrow(
      /out\.png: output already exists \(pass --overwrite\)/,
    );
    expect(await readFile(file, 'utf8')).toBe('first');
    await writeFileSafely(file, bytes('third'), replace);
    expect(await readFile(file, 'utf8')).toBe('third');
    expect(await readdir(path.dirname(file))).toEqual(['out.png']);
  });

  it('of many concurrent writers of one name exactly one wins; the others are refused', async () => {
    const file = path.join(dir, 'race.png');
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, k) => writeFileSafely(file, bytes(`writer ${k}`), refuse)),
    );
    const won = results.flatMap((r, k) => (r.status === 'fulfilled' ? [k] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(OutputExistsError);
    }
    expect(await readFile(file, 'utf8')).toBe(`writer ${won[0]}`);
    expect(await temps()).toEqual([]);
  });

  it('a failed write leaves what was there and no temporary', async () => {
    const target = path.join(dir, 'taken');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'mine');
    // rename() onto a non-empty folder fails after the bytes are written and synced.
    await expect(writeFileSafely(target, bytes('x'), replace)).rejects.toThrow(
      /taken: cannot write/,
    );
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
    expect(await temps()).toEqual([]);
  });

  it('removes only the temporaries of the outputs it is given', async () => {
    const sub = path.join(dir, 'stale');
    await mkdir(sub);
    const names = [
      '.a.png.0123abcd.tintype-tmp',
      '.b.png.89abcdef.tintype-tmp',
      'a.png.tintype-tmp',
    ];
    for (const name of names) await writeFile(path.join(sub, name), 'partial');
    expect(await removeStaleTemps([path.join(sub, 'a.png'), path.join(sub, 'c.png')])).toBe(1);
    expect((await readdir(sub)).sort()).toEqual(names.slice(1).sort());
  });
});

describe('isCompletePng', () => {
  it('accepts a whole PNG and rejects truncated, corrupted and non-PNG files', async () => {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 9, g: 99, b: 199 } },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const at = (name: string) => path.join(dir, name);
    await writeFile(at('whole.png'), png);
    await writeFile(at('truncated.png'), png.subarray(0, png.length - 40));
    const corrupt = Buffer.from(png);
    corrupt[Math.floor(png.length / 2)] ^= 0xff; // IEND still there; a CRC no longer matches
    await writeFile(at('corrupt.png'), corrupt);
    await writeFile(at('empty.png'), '');
    await writeFile(at('photo.jpg'), await sharp(png).jpeg().toBuffer());
    expect(await isCompletePng(at('whole.png'))).toBe(true);
    for (const bad of ['truncated.png', 'corrupt.png', 'empty.png', 'photo.jpg', 'missing.png']) {
      expect(await isCompletePng(at(bad)), bad).toBe(false);
    }
    expect(existsSync(at('whole.png'))).toBe(true);
  });
});
