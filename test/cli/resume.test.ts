import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5Tree } from './files';
import { type Fixtures, makeFixtures } from './fixtures';
import { ROOT, runInProcess, TINY_MODEL } from './run';

/**
 * A batch killed at a random moment (between photos or in the middle of one, by SIGTERM or
 * SIGKILL) and then run again with --resume ends with exactly the files of an uninterrupted
 * run: the same names, the same bytes, no temporaries. Small photos and the tiny model keep it
 * quick; the same check on 1,000 photos is a manual one (docs/archive.md).
 */

const PHOTOS = 10;
const fast = ['--model', TINY_MODEL, '--backend', 'wasm', '--size', '32'];
let f: Fixtures;
/** md5 of each output of one uninterrupted run, by file name. */
let expected: Map<string, string>;
beforeAll(async () => {
  f = await makeFixtures();
  await mkdir(path.join(f.dir, 'photos'));
  for (let k = 0; k < PHOTOS; k++) {
    // Different sizes and tones, so every output differs from every other.
    const width = 40 + 3 * k;
    const height = 30 + 2 * k;
    const ramp = Buffer.alloc(width * height);
    for (let i = 0; i < ramp.length; i++) ramp[i] = (60 + 7 * k + (i % width) * 2) & 0xff;
    await sharp(ramp, { raw: { width, height, channels: 1 } })
      .png()
      .toFile(path.join(f.dir, 'photos', `${k}.png`));
  }
  expect((await runInProcess(['batch', await manifestFor('reference'), ...fast])).code).toBe(0);
  expected = await md5Tree(path.join(f.dir, 'reference'));
});
afterAll(async () => {
  await rm(f.dir, { recursive: true, force: true });
});

async function manifestFor(name: string): Promise<string> {
  const manifest = path.join(f.dir, `${name}.jsonl`);
  const lines = Array.from({ length: PHOTOS }, (_, k) =>
    JSON.stringify({ image: `photos/${k}.png`, out: `${name}/${k}.png` }),
  );
  await writeFile(manifest, lines.join('\n'));
  return manifest;
}

interface Killed {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the CLI as a process and kills it after `afterOk` photos plus `delayMs`. */
function runAndKill(manifest: string, afterOk: number, delayMs: number, signal: NodeJS.Signals) {
  return new Promise<Killed>((resolve, reject) => {
    // One process, as docs/archive.md runs it: the signal reaches the batch itself, not a
    // launcher that relays it.
    const argv = ['--import', 'tsx', 'src/cli/main.ts', 'batch', manifest, ...fast];
    const child = spawn(process.execPath, argv, { cwd: ROOT });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      const ok = (stderr.match(/… ok /g) ?? []).length;
      if (!sent && ok >= afterOk && /model on wasm/.test(stderr)) {
        sent = true;
        setTimeout(() => child.kill(signal), delayMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code, by) => resolve({ code, signal: by, stderr }));
  });
}

describe('kill at a random moment, then --resume', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    '%s: the same files as an uninterrupted run',
    async (signal) => {
      expect(expected.size).toBe(PHOTOS);

      const afterOk = Math.floor(Math.random() * (PHOTOS - 2));
      const delayMs = Math.floor(Math.random() * 200);
      const moment = `killed after ${afterOk} photos + ${delayMs} ms`;
      const manifest = await manifestFor(`run-${signal}`);
      const killed = await runAndKill(manifest, afterOk, delayMs, signal);
      // A signal that lands after the last photo, while the process exits, may end it by the
      // signal's default action (code null): nothing is left to stop then.
      const finished = killed.stderr.includes(`batch: ${PHOTOS} of ${PHOTOS} written`);
      if (signal === 'SIGTERM' && killed.code !== 0 && !finished) {
        expect(killed.code, `${moment}\n${killed.stderr}`).toBe(143);
        expect(killed.stderr).toMatch(/batch: stopped by SIGTERM after \d+ of 10: \d+ failed/);
      }
      if (signal === 'SIGKILL')
        expect(killed.signal ?? 'finished', moment).toMatch(/SIGKILL|finished/);

      const resumed = await runInProcess(['batch', manifest, '--resume', ...fast]);
      expect(resumed.code, `${moment}\n${resumed.stderr}`).toBe(0);
      const got = await md5Tree(path.join(f.dir, `run-${signal}`));
      expect(got, moment).toEqual(expected);
    },
  );
});
