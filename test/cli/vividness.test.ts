import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBatchArgs, parseColorizeArgs } from '../../src/cli/args';
import { runManifest } from '../../src/cli/commands/batch';
import { prepareJob } from '../../src/cli/commands/colorize';
import { UsageError } from '../../src/cli/errors';
import { parseManifest } from '../../src/cli/manifest';
import type { Colorizer } from '../../src/colorizer';
import {
  DEFAULT_VIVIDNESS,
  parseSession,
  type Session,
  serializeSession,
  setVividness,
} from '../../src/core/session';
import { type Fixtures, makeFixtures } from './fixtures';
import { isOneLineError, runInProcess } from './run';

let f: Fixtures;
/** A session file for the grey fixture whose own vividness is 0.3. */
let calmSession: string;
beforeAll(async () => {
  f = await makeFixtures();
  calmSession = path.join(f.dir, 'calm.json');
  const session = parseSession(await readFile(f.session, 'utf8'));
  await writeFile(calmSession, serializeSession(setVividness(session, 0.3)));
});
afterAll(async () => {
  await rm(f.dir, { recursive: true, force: true });
});

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('--vividness', () => {
  it('is read by colorize and batch, and absent means "keep the session\'s"', () => {
    expect(parseColorizeArgs(['a.png', '--vividness', '0.8']).vividness).toBe(0.8);
    expect(parseColorizeArgs(['a.png', '--vividness', '0']).vividness).toBe(0);
    expect(parseColorizeArgs(['a.png', '--vividness=1']).vividness).toBe(1);
    expect(parseColorizeArgs(['a.png', '--vividness', '.25']).vividness).toBe(0.25);
    expect(parseBatchArgs(['m.jsonl', '--vividness', '0.1']).vividness).toBe(0.1);
    expect(parseColorizeArgs(['a.png']).vividness).toBeUndefined();
  });

  it('rejects values outside [0, 1] and non-numbers, naming the command and flag', () => {
    for (const bad of ['1.5', '', 'vivid', 'NaN', '0x1', '1e-1', ' 0.5']) {
      expect(usageMessage(() => parseColorizeArgs(['a.png', '--vividness', bad]))).toBe(
        `colorize: --vividness must be a number from 0 (natural) to 1 (vivid), got "${bad}"`,
      );
    }
    // Node's parser takes "-0.1" for an option: still a usage error that names the flag.
    expect(usageMessage(() => parseColorizeArgs(['a.png', '--vividness', '-0.1']))).toMatch(
      /^colorize: .*--vividness/,
    );
    expect(usageMessage(() => parseBatchArgs(['m.jsonl', '--vividness', '2']))).toMatch(
      /^batch: --vividness must be/,
    );
  });

  it('a bad value is a one-line usage error with exit status 2', async () => {
    const r = await runInProcess(['colorize', f.grey, '--vividness', '3']);
    expect(r.code).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/--vividness must be .*got "3"/);
  });
});

describe('manifest "vividness"', () => {
  const lines = parseManifest(
    [
      '{"image": "a.png", "vividness": 0.9}',
      '{"image": "b.png"}',
      '{"image": "c.png", "vividness": 1.2}',
      '{"image": "d.png", "vividness": "0.5"}',
      '{"image": "e.png", "vividness": null}',
    ].join('\n'),
    '/data/m.jsonl',
  );

  it('is optional and read per line', () => {
    expect(lines[0].job?.vividness).toBe(0.9);
    expect(lines[1].job).toBeDefined();
    expect(lines[1].job?.vividness).toBeUndefined();
  });

  it('a bad value fails only its line, naming the field and the value', () => {
    const expected = '"vividness" must be a number from 0 (natural) to 1 (vivid), got ';
    expect(lines.slice(2).map((l) => l.error)).toEqual([
      `${expected}1.2`,
      `${expected}"0.5"`,
      `${expected}null`,
    ]);
  });
});

describe('which vividness a render uses', () => {
  it("colorize: the flag replaces the session's; without it the session's; no session: default", async () => {
    const job = { image: f.grey, session: calmSession, out: 'x.png' };
    expect((await prepareJob(job)).session.vividness).toBe(0.3);
    expect((await prepareJob({ ...job, vividness: 0.95 })).session.vividness).toBe(0.95);
    const photoOnly = { ...job, session: undefined };
    expect((await prepareJob(photoOnly)).session.vividness).toBe(DEFAULT_VIVIDNESS);
    const vivid = (await prepareJob({ ...photoOnly, vividness: 0.7 })).session;
    expect(vivid.vividness).toBe(0.7);
    expect(vivid.hints).toEqual([]);
  });

  it("batch: a line's value beats --vividness, which beats the session's", async () => {
    const manifest = path.join(f.dir, 'vivid.jsonl');
    const rel = (p: string) => path.relative(f.dir, p);
    const text = [
      { image: rel(f.grey), session: rel(calmSession), out: 'v1.png', vividness: 0.2 },
      { image: rel(f.grey), session: rel(calmSession), out: 'v2.png' },
      { image: rel(f.grey), out: 'v3.png' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const seen: number[] = [];
    // Records the session each render receives; the decode that uses it is the colorizer's.
    const recorder = {
      render: async (image: { width: number; height: number }, session: Session) => {
        seen.push(session.vividness);
        return new Uint8ClampedArray(image.width * image.height * 4);
      },
    } as unknown as Colorizer;
    const lines = parseManifest(text, manifest);
    const log: string[] = [];
    const run = (vividness: number | undefined) =>
      runManifest(
        recorder,
        { ...parseBatchArgs([manifest, '--overwrite']), vividness },
        lines,
        (l) => log.push(l),
      );
    expect(await run(0.9), log.join('\n')).toBe(0);
    expect(seen).toEqual([0.2, 0.9, 0.9]);
    seen.length = 0;
    expect(await run(undefined)).toBe(0);
    expect(seen).toEqual([0.2, 0.3, DEFAULT_VIVIDNESS]);
  });
});
