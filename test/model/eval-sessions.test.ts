// The evaluation (model/eval, Python) writes sessions for `tintype batch` and scores Levin and
// grey with its own hint raster. This checks the two agree with src/core: every session parses,
// and rasterizeHints covers exactly the pixels the Python raster pins, with the same ab.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rasterizeHints } from '../../src/core/raster';
import { parseSession } from '../../src/core/session';

const root = join(import.meta.dirname, '..', '..');
const python = '/usr/bin/python3';

interface Fixture {
  session: unknown;
  width: number;
  height: number;
  masked: number[];
  ab: number[];
}

function loadFixtures(): Fixture[] {
  const r = spawnSync(python, ['model/eval/session_fixture.py'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${python} model/eval/session_fixture.py exited ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Fixture[];
}

describe('evaluation sessions (model/eval) vs src/core', () => {
  const fixtures = loadFixtures();

  it('produces several fixtures with hints and a palette', () => {
    expect(fixtures.length).toBe(3);
    for (const f of fixtures) expect(f.masked.length).toBeGreaterThan(0);
  });

  it.each(fixtures.map((f, i) => [i, f] as const))(
    'fixture %i: parses and rasterizes to the same pixels',
    (_, f) => {
      const session = parseSession(f.session);
      expect(session.global.palette?.length).toBeGreaterThan(0);
      const raster = rasterizeHints(session, f.width, f.height);
      const masked: number[] = [];
      raster.mask.forEach((m, i) => {
        if (m) masked.push(i);
      });
      expect(masked).toEqual(f.masked);
      f.masked.forEach((pixel, j) => {
        expect(raster.ab[pixel * 2]).toBeCloseTo(f.ab[j * 2], 3);
        expect(raster.ab[pixel * 2 + 1]).toBeCloseTo(f.ab[j * 2 + 1], 3);
      });
    },
  );
});
