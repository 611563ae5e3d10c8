import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciede2000, srgb8ToLab } from '../../src/core/color';
import { type Fixtures, H, makeFixtures, W } from './fixtures';
import {
  hasRealModel,
  isOneLineError,
  REAL_MODEL,
  runInProcess,
  runProcess,
  TINY_MODEL,
} from './run';

let f: Fixtures;
beforeAll(async () => {
  f = await makeFixtures();
});
afterAll(async () => {
  await rm(f.dir, { recursive: true, force: true });
});

const out = (name: string) => path.join(f.dir, 'out', name);
const tiny = ['--model', TINY_MODEL, '--backend', 'cpu'];

async function readRaw(file: string) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  return { data, ...info };
}

describe('tintype colorize (tiny model)', () => {
  it('writes an RGB PNG of the photo size where hinted pixels take the hint colour', async () => {
    const r = await runInProcess([
      'colorize',
      f.grey,
      '--session',
      f.session,
      '--out',
      out('grey.png'),
      ...tiny,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote .*grey\.png \(48×32/);
    const png = await readRaw(out('grey.png'));
    expect([png.width, png.height, png.channels]).toEqual([W, H, 3]);
    const src = await readRaw(f.grey);
    expect((await sharp(f.grey).metadata()).channels).toBe(1); // a true grey PNG
    // The 10×10 point at (12, 12) covers columns/rows 7..16; stay one pixel inside its edge.
    const { ab } = f.hint;
    let sum = 0;
    let n = 0;
    for (let y = 8; y <= 15; y++) {
      for (let x = 8; x <= 15; x++) {
        const p = (y * W + x) * 3;
        const got = srgb8ToLab(png.data[p], png.data[p + 1], png.data[p + 2]);
        const v = src.data[(y * W + x) * src.channels];
        const L = srgb8ToLab(v, v, v)[0];
        sum += ciede2000(got[0], got[1], got[2], L, ab[0], ab[1]);
        n++;
      }
    }
    expect(sum / n).toBeLessThan(1.5);
  });

  it('applies EXIF orientation 6: a 48×32 JPEG comes out 32×48, named <name>-colorized.png', async () => {
    const r = await runInProcess(['colorize', f.rgbExif6, ...tiny]);
    expect(r.code).toBe(0);
    const written = path.join(f.dir, 'rgb-exif6-colorized.png');
    const png = await readRaw(written);
    expect([png.width, png.height]).toEqual([H, W]);
    // The ramp brightens along the stored x axis; orientation 6 (90° clockwise) turns the
    // stored left column into the displayed top row, so the photo must brighten downwards.
    const lum = (x: number, y: number) => png.data[(y * png.width + x) * 3 + 1];
    expect(lum(png.width >> 1, png.height - 2)).toBeGreaterThan(lum(png.width >> 1, 1) + 40);
  });

  it('keeps the alpha channel of an RGBA PNG', async () => {
    const r = await runInProcess([
      'colorize',
      f.rgba,
      '--out',
      out('rgba.png'),
      ...tiny,
      '--method',
      'bilinear',
    ]);
    expect(r.code).toBe(0);
    const png = await readRaw(out('rgba.png'));
    expect([png.width, png.height, png.channels]).toEqual([W, H, 4]);
    expect(png.data[(5 * W + 2) * 4 + 3]).toBe(255);
    expect(png.data[(5 * W + W - 2) * 4 + 3]).toBe(96);
  });

  it.each([['palette'], ['grey16']] as const)('reads a %s PNG', async (kind) => {
    const r = await runInProcess(['colorize', f[kind], '--out', out(`${kind}.png`), ...tiny]);
    expect(r.stderr).toBe('');
    const png = await readRaw(out(`${kind}.png`));
    expect([png.width, png.height, png.channels]).toEqual([W, H, 3]);
  });

  it('reports each bad input on one line naming the file and the problem (exit 1)', async () => {
    const cases: [string[], RegExp][] = [
      [[path.join(f.dir, 'missing.png')], /missing\.png: image not found/],
      [[f.truncatedJpeg], /truncated\.jpg: cannot read image \(truncated/],
      [
        [f.notImage],
        /not-an-image\.png: cannot read image \(not a PNG, JPEG, WebP, TIFF or GIF image\)/,
      ],
      [
        [f.grey, '--session', f.sessionWrongSize],
        /session-wrong-size\.json: session is for a 1498×1199 image .* photo is 48×32/,
      ],
      [[f.grey, '--session', f.sessionMalformed], /session-malformed\.json: invalid session: /],
      [
        [f.grey, '--session', f.sessionBadField],
        /session-bad-field\.json: invalid session: hints\[0\]\.ab\[1\]: /,
      ],
      [[f.grey, '--session', path.join(f.dir, 'nope.json')], /nope\.json: session not found/],
      [[f.grey, '--model', path.join(f.dir, 'none/model.json')], /model\.json: model not found/],
    ];
    for (const [argv, message] of cases) {
      const r = await runInProcess([
        'colorize',
        ...argv,
        '--out',
        out('never.png'),
        ...(argv.includes('--model') ? [] : tiny),
      ]);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(isOneLineError(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out('never.png'))).toBe(false);
  });

  it('rejects a broken model with the shard file named', async () => {
    const json = path.join(f.dir, 'broken-model.json');
    await writeFile(
      json,
      JSON.stringify({
        modelTopology: {},
        weightsManifest: [
          { paths: ['w.bin'], weights: [{ name: 'k', shape: [4], dtype: 'float32' }] },
        ],
      }),
    );
    await writeFile(path.join(f.dir, 'w.bin'), new Uint8Array(8));
    const r = await runInProcess(['colorize', f.grey, '--model', json]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/w\.bin: weight shards hold 8 bytes, model\.json describes 16/);
  });
});

describe('tintype batch (tiny model)', () => {
  it('skips a bad line, writes the others, names manifest and line (exit 1)', async () => {
    const manifest = path.join(f.dir, 'manifest.jsonl');
    await writeFile(
      manifest,
      [
        JSON.stringify({ image: 'grey.png', session: 'session.json', out: 'batch/grey.png' }),
        JSON.stringify({ image: 'missing.jpg', out: 'batch/missing.png' }),
        '',
        JSON.stringify({ image: 'rgba.png', out: 'batch/rgba.png' }),
        '{ not json',
      ].join('\n'),
    );
    const r = runProcess(['batch', manifest, ...tiny]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[1\/4\] .*grey\.png … ok \d+\.\d\d s/);
    expect(r.stderr).toMatch(
      /\[2\/4\] .* FAILED .*manifest\.jsonl:2: .*missing\.jpg: image not found/,
    );
    expect(r.stderr).toMatch(/manifest\.jsonl:5: not valid JSON/);
    expect(r.stderr).toMatch(/2 of 4 written, 2 failed/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(f.dir, 'batch/grey.png'))).toBe(true);
    expect(existsSync(path.join(f.dir, 'batch/rgba.png'))).toBe(true);
  });

  it('exits 2 for a missing manifest and for bad flags', async () => {
    const missing = await runInProcess(['batch', path.join(f.dir, 'none.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.jsonl: manifest not found/);
    const flags = await runInProcess(['batch', 'm.jsonl', '--fast']);
    expect(flags.code).toBe(2);
    expect(isOneLineError(flags.stderr)).toBe(true);
  });
});

describe('tintype as a process', () => {
  it('prints help for the top level and each command (exit 0)', () => {
    const top = runProcess(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/tintype colorize <image>/);
    expect(top.stdout).toMatch(/tintype batch <manifest\.jsonl>/);
    const colorize = runProcess(['colorize', '-h']);
    expect(colorize.stdout).toMatch(/--session <file>/);
    expect(colorize.stdout).toMatch(/--method <name>/);
    const batch = runProcess(['batch', '--help']);
    expect(batch.stdout).toMatch(/one JSON object per line/);
  });

  it('usage errors exit 2 with one line; a bad photo exits 1 with one line, no stack', () => {
    const usage = runProcess(['colorize', f.grey, '--colour', 'red']);
    expect(usage.code).toBe(2);
    expect(isOneLineError(usage.stderr), usage.stderr).toBe(true);
    expect(runProcess([]).code).toBe(2);
    expect(runProcess(['paint']).stderr).toMatch(/unknown command "paint"/);
    const bad = runProcess(['colorize', f.truncatedJpeg, ...tiny]);
    expect(bad.code).toBe(1);
    expect(isOneLineError(bad.stderr), bad.stderr).toBe(true);
  });

  it('colorizes with the shipped model on WASM when it is present', async (ctx) => {
    if (!hasRealModel) ctx.skip();
    const r = runProcess(['colorize', f.rgbExif6, '--out', out('real.png'), '--model', REAL_MODEL]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wasm/);
    const png = await readRaw(out('real.png'));
    expect([png.width, png.height]).toEqual([H, W]);
  });
});
