/**
 * What containment adds to the per-stroke colorize() (src/colorizer/spread.ts): the shipped model
 * on Node's WASM backend at its working size, a 256² photo with three points and one brush
 * stroke, plain vs contained. While a user paints contained strokes the answer without them is
 * cached, so each stroke costs one network run plus the region weights and the blend; the
 * first contained stroke after another kind of edit pays a second network run.
 *
 *   npx tsx src/cli/bench/containCost.ts [--runs 20]
 */
import { pathToFileURL } from 'node:url';
import { loadColorizer } from '../../colorizer';
import { workingSizeFor } from '../../colorizer/config';
import { spreadWeights } from '../../core/region';
import type { Hint, Session } from '../../core/session';
import { nodeWasmPaths, readModelFiles } from '../modelFiles';
import { benchInput } from './nodeBench';
import { median, timeMedian } from './timing';

export interface ContainCost {
  plainMs: number;
  containedMs: number;
  containedColdMs: number;
  weightsMs: number;
  runs: number;
}

export async function benchContainCost(modelJson: string, runs: number): Promise<ContainCost> {
  const files = await readModelFiles(modelJson);
  const colorizer = await loadColorizer({
    model: { modelJson: files.modelJson, weights: files.weights },
    backend: 'wasm',
    wasmPaths: nodeWasmPaths(),
  });
  const { image, session } = benchInput(256);
  let shift = 0;
  // Each call paints a slightly different stroke, as a drag does, so nothing but the answer
  // without the contained stroke can be reused.
  const withStroke = (contain: boolean): Session => {
    shift = (shift + 1) % 16;
    const stroke: Hint = {
      kind: 'stroke',
      points: [
        [60, 120 + shift],
        [140, 130],
        [190, 170],
      ],
      width: 10,
      ab: [-30, 40],
      ...(contain ? { contain: true } : {}),
    };
    return { ...session, hints: [...session.hints, stroke] };
  };
  // Interleaved, so both see the same machine load (this bench runs on shared cores).
  const plainMs: number[] = [];
  const containedMs: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    for (const [contain, into] of [
      [false, plainMs],
      [true, containedMs],
    ] as const) {
      const session = withStroke(contain);
      const start = performance.now();
      await colorizer.colorize(image, session);
      if (i >= 2) into.push(performance.now() - start);
    }
  }
  // A new point between contained strokes: the answer without them must be computed again.
  let n = 0;
  const cold = await timeMedian(
    () => {
      n++;
      const s = withStroke(true);
      const extra: Hint = { kind: 'point', x: 10 + n, y: 10, size: 6, ab: [5, 5] };
      return colorizer.colorize(image, { ...s, hints: [extra, ...s.hints] });
    },
    Math.max(3, Math.floor(runs / 2)),
    1,
  );
  const { width, height } = workingSizeFor(
    256,
    256,
    colorizer.meta.workingSize,
    colorizer.meta.stride,
  );
  const lStar = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) lStar[y * width + x] = image.L[2 * y * 256 + 2 * x];
  const weights = await timeMedian(
    () => spreadWeights(withStroke(true), lStar, width, height),
    runs * 5,
    5,
  );
  colorizer.dispose();
  return {
    plainMs: median(plainMs),
    containedMs: median(containedMs),
    containedColdMs: cold.ms,
    weightsMs: weights.ms,
    runs,
  };
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 20;
  const cost = await benchContainCost('public/models/tintype/model.json', runs);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    `colorize() per stroke, median of ${cost.runs} (Node WASM, 256² photo, working size 128):`,
  );
  console.log(`  plain stroke                                ${f(cost.plainMs)}`);
  console.log(`  contained stroke (answer without it cached) ${f(cost.containedMs)}`);
  console.log(`  contained, cache missed (two network runs)  ${f(cost.containedColdMs)}`);
  console.log(`  region weights alone (spreadWeights)        ${f(cost.weightsMs)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
