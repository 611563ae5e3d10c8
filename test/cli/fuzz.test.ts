import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOutputsDistinct, shardOf } from '../../src/cli/batchPlan';
import { UsageError } from '../../src/cli/errors';
import { parseManifest } from '../../src/cli/manifest';
import { rasterizeHints } from '../../src/core/raster';
import { emptySession, parseSession, SessionError, serializeSession } from '../../src/core/session';
import { issuesOnOneLine } from '../../src/core/session/issues';
import { mutatedTextArb } from './mutations';

/**
 * Fuzzing: 10,000 mutated session files and 10,000 mutated manifests. Each must give a clean
 * error (the documented error type, one line per issue, short) or a valid result, and no case
 * may take the seconds or gigabytes the unbounded code took (150 s, 7 GB): the bounds are
 * generous, far above a normal case's milliseconds, so they catch blow-ups, not slowness.
 */
const CASE_MS = 5000;
const HEAP_BYTES = 1.5 * 2 ** 30;

// node:assert rather than expect() inside the 20,000 cases: it is many times cheaper.
function withinBounds(run: () => void): void {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  assert.ok(ms < CASE_MS, `one case took ${ms.toFixed(0)} ms`);
  assert.ok(process.memoryUsage().heapUsed < HEAP_BYTES, 'heap past its bound');
}

const cleanLine = (text: string) => {
  assert.ok(!/[\n\r]/.test(text), `more than one line: ${text.slice(0, 200)}`);
  assert.ok(text.length < 600, `${text.length} characters: ${text.slice(0, 200)}`);
};

const session = (hints: unknown[], global = { saturation: null, palette: null }) =>
  JSON.stringify({
    ...JSON.parse(serializeSession(emptySession({ width: 48, height: 32, name: 'a.png' }))),
    hints,
    global,
  });

const SESSION_SEEDS = [
  session([]),
  session(
    [
      { kind: 'point', x: 12, y: 12, size: 10, ab: [45, 35] },
      {
        kind: 'stroke',
        points: [
          [1, 2],
          [30, 20],
          [47, 31],
        ],
        width: 3,
        ab: [-20, 60],
      },
      { kind: 'erase', points: [[10, 10]], width: 4 },
    ],
    { saturation: 0.4, palette: [{ ab: [10, 20], weight: 2 }] } as never,
  ),
  session([
    {
      kind: 'stroke',
      points: [
        [-1e20, 5],
        [1e20, 5],
      ],
      width: 3,
      ab: [1, 1],
    },
  ]),
];

describe('fuzzing', () => {
  it('10,000 mutated session files: a SessionError or a session that rasterises', () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutatedTextArb(SESSION_SEEDS), (text) =>
        withinBounds(() => {
          let result: ReturnType<typeof parseSession>;
          try {
            result = parseSession(text);
          } catch (error) {
            assert.ok(error instanceof SessionError, String(error));
            for (const issue of error.issues) {
              assert.ok(issue.path.length > 0);
              assert.ok(!/[\n\r]/.test(issue.message), issue.message);
            }
            cleanLine(issuesOnOneLine(error as SessionError)); // what the CLI prints
            return;
          }
          parsed++;
          const { ab, mask } = rasterizeHints(result, 24, 16);
          assert.equal(ab.length, 24 * 16 * 2);
          assert.equal(mask.length, 24 * 16);
          assert.ok(mask.every((m) => m === 0 || m === 1));
          assert.ok(ab.every(Number.isFinite));
        }),
      ),
      { numRuns: 10_000 },
    );
    expect(parsed).toBeGreaterThan(100); // the mutations must also reach the rasteriser
  });

  const MANIFEST_SEED = [
    '# archive box 7',
    JSON.stringify({ image: 'a.jpg', out: 'out/a.png' }),
    '',
    JSON.stringify({ image: 'b.tif', session: 'b.json', out: 'out/b.png', vividness: 0.5 }),
    JSON.stringify({ image: 'c.png' }),
  ].join('\n');

  it('10,000 mutated manifests: per-line errors or jobs; clashes a usage error; shards a partition', () => {
    fc.assert(
      fc.property(mutatedTextArb([MANIFEST_SEED, JSON.stringify({ image: 'x.png' })]), (text) =>
        withinBounds(() => {
          const lines = parseManifest(text, '/data/m.jsonl');
          for (const line of lines) {
            assert.ok(line.line > 0);
            if (line.job) assert.ok(line.job.out.startsWith('/'));
            else cleanLine(line.error);
          }
          try {
            checkOutputsDistinct(lines, '/data/m.jsonl');
          } catch (error) {
            assert.ok(error instanceof UsageError, String(error));
            cleanLine((error as Error).message);
          }
          const shards = Array.from({ length: 3 }, (_, index) =>
            shardOf(lines, { index, count: 3 }),
          );
          const taken = shards.flat().map((l) => l.line);
          assert.deepEqual(
            taken.sort((a, b) => a - b),
            lines.map((l) => l.line),
          );
        }),
      ),
      { numRuns: 10_000 },
    );
  });
});
