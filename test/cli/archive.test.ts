import { link, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedOrLost, md5Tree } from './files';
import { type Fixtures, makeFixtures } from './fixtures';
import { isOneLineError, runInProcess, TINY_MODEL } from './run';

let f: Fixtures;
beforeAll(async () => {
  f = await makeFixtures();
});
afterAll(async () => {
  await rm(f.dir, { recursive: true, force: true });
});

/** The tiny model on WASM at the smallest working size: the fast path for many renders. */
const fast = ['--model', TINY_MODEL, '--backend', 'wasm', '--size', '32'];
const at = (name: string) => path.join(f.dir, name);
const jsonl = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');

describe('nothing the user had is destroyed (checked by md5)', () => {
  it('outputs that are inputs, existing outputs and clashing manifests are refused', async () => {
    await runInProcess(['colorize', f.grey, '--out', at('done.png'), ...fast]);
    await symlink(f.grey, at('grey-link.png'));
    await link(f.grey, at('grey-hardlink.png'));
    const before = await md5Tree(f.dir);

    const colorize: [string[], RegExp][] = [
      [[f.grey, '--out', f.grey], /grey\.png: output is the input photograph/],
      [[f.grey, '--out', at('grey-link.png')], /grey-link\.png: output is the input photograph/],
      [[f.grey, '--out', at('grey-hardlink.png'), '--overwrite'], /output is the input photograph/],
      [[f.grey, '--session', f.session, '--out', f.session], /output is the session file/],
      [[f.grey, '--out', at('done.png')], /done\.png: output already exists \(pass --overwrite/],
    ];
    for (const [argv, message] of colorize) {
      const r = await runInProcess(['colorize', ...argv, ...fast]);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(isOneLineError(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(message);
    }

    const batch = async (name: string, lines: object[], extra: string[] = []) => {
      await writeFile(at(name), jsonl(lines));
      return runInProcess(['batch', at(name), ...fast, ...extra]);
    };
    const dup = await batch('dup.jsonl', [
      { image: 'grey.png', out: 'x/a.png' },
      { image: 'rgba.png', out: 'x/b.png' },
      { image: 'palette.png', out: 'x/a.png' },
    ]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/dup\.jsonl: lines 1 and 3 both write .*x\/a\.png;/);
    const readsOther = await batch('reads.jsonl', [
      { image: 'grey.png', out: 'rgba.png' },
      { image: 'rgba.png', out: 'y/rgba.png' },
    ]);
    expect(readsOther.code).toBe(2);
    expect(readsOther.stderr).toMatch(/line 1 writes .*rgba\.png, which line 2 reads/);
    const existing = await batch('existing.jsonl', [{ image: 'grey.png', out: 'done.png' }]);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toMatch(/existing\.jsonl:1: .*done\.png: output already exists/);
    const self = await batch(
      'self.jsonl',
      [{ image: 'grey.png', out: 'grey.png' }],
      ['--overwrite'],
    );
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/self\.jsonl: line 1 writes its own input .*grey\.png/);
    const report = await batch(
      'r.jsonl',
      [{ image: 'grey.png', out: 'z.png' }],
      ['--report', at('r.jsonl')],
    );
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/--report .*r\.jsonl is the manifest itself/);

    const after = await md5Tree(f.dir);
    expect(changedOrLost(before, after)).toEqual([]);
    expect([...after.keys()].filter((k) => /^(x|y)\/|^z\.png|tintype-tmp/.test(k))).toEqual([]);

    // The one way to replace a file: --overwrite on an output that is not an input.
    const replaced = await runInProcess([
      'colorize',
      f.rgba,
      '--out',
      at('done.png'),
      '--overwrite',
      ...fast,
    ]);
    expect(replaced.code).toBe(0);
    expect(changedOrLost(before, await md5Tree(f.dir))).toEqual(['done.png']);
  });
});

describe('batch --shard', () => {
  it('8 shards together write every output exactly once, the same bytes as one run', async () => {
    const n = 13;
    const photos = ['grey.png', 'rgba.png', 'palette.png', 'grey16.png'];
    const lines = Array.from({ length: n }, (_, k) => ({
      image: photos[k % 4],
      out: `shards/${k}.png`,
    }));
    await writeFile(at('shards.jsonl'), `# thirteen photos\n\n${jsonl(lines)}\n`);
    const report = at('shards-report.jsonl');
    for (let index = 0; index < 8; index++) {
      const r = await runInProcess([
        'batch',
        at('shards.jsonl'),
        '--shard',
        `${index}/8`,
        '--report',
        report,
        ...fast,
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await readdir(at('shards'))).sort()).toEqual(lines.map((_, k) => `${k}.png`).sort());
    const entries = (await readFile(report, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries.map((e) => e.line).sort((a, b) => a - b)).toEqual(lines.map((_, k) => k + 3));
    expect(entries.every((e) => e.status === 'written' && e.error === null)).toBe(true);
    expect(entries[0]).toMatchObject({ image: at('grey.png'), out: at('shards/0.png') });

    const sharded = await md5Tree(at('shards'));
    await writeFile(at('whole.jsonl'), jsonl(lines.map((l) => ({ ...l, out: `whole/${l.out}` }))));
    expect((await runInProcess(['batch', at('whole.jsonl'), ...fast])).code).toBe(0);
    expect(await md5Tree(at('whole/shards'))).toEqual(sharded);

    const again = await runInProcess([
      'batch',
      at('shards.jsonl'),
      '--shard',
      '3/8',
      '--resume',
      ...fast,
    ]);
    expect(again.stderr).toMatch(/0 of 2 written, 0 failed, 2 skipped \(already complete\)/);
  });

  it('rejects a malformed shard before reading anything', async () => {
    for (const shard of ['8/8', '1', '-1/4', 'a/b', '0/0']) {
      const r = await runInProcess(['batch', at('none.jsonl'), `--shard=${shard}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--shard must be I\/N with 0 ≤ I < N/);
    }
  });
});

describe('bounds and formats', () => {
  const colorize = (argv: string[]) =>
    runInProcess(['colorize', ...argv, '--out', at('bound.png'), ...fast]);

  it('refuses oversized photos, wrong sessions and unreadable formats from the header', async () => {
    await writeFile(
      at('pic.svg'),
      `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="32"><image href="grey.png"/></svg>`,
    );
    await writeFile(at('deep.json'), `${'['.repeat(5000)}`);
    // Header intact, pixels cut off: the session is refused before decoding would fail.
    const png = await readFile(f.grey);
    await writeFile(at('cut.png'), png.subarray(0, Math.floor(png.length * 0.7)));
    await writeFile(at('huge.json'), '');
    await truncate(at('huge.json'), 65 * 2 ** 20);
    const cases: [string[], RegExp][] = [
      [
        [f.grey, '--max-pixels', '1000'],
        /grey\.png: image is 48×32 \(0\.0 MP\), more than --max-pixels 1000/,
      ],
      [
        [at('cut.png'), '--session', f.sessionWrongSize],
        /session-wrong-size\.json: session is for a 1498×1199 image/,
      ],
      [
        [at('pic.svg')],
        /pic\.svg: cannot read image \(a SVG file; Tintype reads PNG, JPEG, WebP, TIFF or GIF\)/,
      ],
      [
        [f.grey, '--session', at('deep.json')],
        /deep\.json: invalid session: \(root\): nesting deeper than 32 levels at line 1, column 33/,
      ],
      [
        [f.grey, '--session', at('huge.json')],
        /huge\.json: session file too large \(65\.0 MiB; the limit is 64 MiB\)/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await colorize(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(isOneLineError(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(message);
    }
    const usage = await colorize([f.grey, '--max-pixels', '12.5']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--max-pixels must be a whole number of pixels/);
  });

  it('reads TIFF (first page) and GIF (first frame)', async () => {
    const raw = await sharp(f.grey).toBuffer();
    await sharp(raw).tiff().toFile(at('scan.tiff'));
    await sharp(raw).gif().toFile(at('old.gif'));
    for (const file of ['scan.tiff', 'old.gif']) {
      const out = at(`${file}.png`);
      const r = await runInProcess(['colorize', at(file), '--out', out, ...fast]);
      expect(r.code, r.stderr).toBe(0);
      expect(await sharp(out).metadata()).toMatchObject({ width: 48, height: 32, format: 'png' });
    }
  });
});
