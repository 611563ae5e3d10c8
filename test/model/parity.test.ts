// The shipped TF.js model must reproduce PyTorch (test/fixtures/model/parity.json, written by
// model/export_tfjs.py from float32 weights). Tolerance: float16 weight quantisation moves ab
// by < 2e-3 tanh units (0.22 ab, invisible); logits get a looser bound of 2e-2, or 1e-3 of
// their largest magnitude when that is more: float16 rounding moves a logit in proportion to
// its size (a class-rebalanced head's logits reach ~50, where rounding alone moves them 0.03).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLIND_OUTPUTS, type Heads, splitHeads } from '../../src/colorizer/heads';
import { parseModelMeta } from '../../src/colorizer/meta';
import { type LoadedModel, loadExportedModel, predict } from './load-model';

const root = join(import.meta.dirname, '..', '..');
const AB_TOL = 2e-3;
const LOGITS_TOL = 2e-2;
const LOGITS_REL_TOL = 1e-3;

function logitsTol(expected: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < expected.length; i++) m = Math.max(m, Math.abs(expected[i]));
  return Math.max(LOGITS_TOL, LOGITS_REL_TOL * m);
}

interface ParityCase {
  name: string;
  localShape: number[];
  local: number[];
  global: number[];
  abShape: number[];
  ab: number[];
  logitsShape: number[];
  logits: number[];
  /** The blind head's outputs on the same inputs (exports with a blind head only). */
  blindAb?: number[];
  blindLogits?: number[];
}

const fixture = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'model', 'parity.json'), 'utf8'),
) as { cases: ParityCase[] };

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('shipped model (public/models/tintype) vs PyTorch', () => {
  let loaded: LoadedModel;
  let heads: Heads;
  const blind = fixture.cases.some((c) => c.blindAb !== undefined);
  beforeAll(async () => {
    loaded = await loadExportedModel(join(root, 'public', 'models', 'tintype'));
    heads = splitHeads(loaded.model, parseModelMeta(loaded.json));
  });

  it('declares contract v1 inputs, outputs and metadata', () => {
    const { model, json } = loaded;
    expect(model.inputNames).toEqual(['local', 'global']);
    expect(model.outputNames).toEqual(blind ? [...BLIND_OUTPUTS] : ['ab', 'logits']);
    const meta = json.userDefinedMetadata.tintype as { bins: number[][] } & Record<string, unknown>;
    expect(meta).toMatchObject({ format: 'tintype-model', version: 1, lCenter: 50, lScale: 100 });
    expect(meta).toMatchObject({ abScale: 110, stride: 16, logitsStride: 8 });
    // The default working size follows the scale the weights were trained at (export --working-size).
    expect(Number.isInteger(meta.workingSize) && (meta.workingSize as number) % 16 === 0).toBe(
      true,
    );
    const q = meta.bins.length;
    expect(model.inputs[1].shape).toEqual([null, q + 3]);
    expect(model.inputs[0].shape).toEqual([null, null, null, 4]);
    expect(meta.gflops256 as number).toBeLessThanOrEqual(1.5);
    expect(meta.params as number).toBeLessThanOrEqual(2_000_000);
    for (const g of json.weightsManifest) {
      for (const w of g.weights) expect(w.quantization?.dtype).toBe('float16');
    }
    // The budget's 3 MB of shipped weights: float16, two bytes a weight, both heads together.
    const weights = json.weightsManifest
      .flatMap((g) => g.weights)
      .reduce((n, w) => n + 2 * w.shape.reduce((a, b) => a * b, 1), 0);
    expect(weights).toBeLessThanOrEqual(3_000_000);
  });

  for (const c of fixture.cases) {
    it(`matches PyTorch on ${c.name} within ${AB_TOL} (ab) / ${logitsTol(c.logits).toFixed(3)} (logits)`, () => {
      const out = predict(heads.hinted.model, c.local, c.localShape, c.global);
      expect(out.abShape).toEqual(c.abShape);
      expect(out.logitsShape).toEqual(c.logitsShape);
      expect(maxAbsDiff(out.ab, c.ab)).toBeLessThanOrEqual(AB_TOL);
      expect(maxAbsDiff(out.logits, c.logits)).toBeLessThanOrEqual(logitsTol(c.logits));
    });
    it.runIf(blind)(`blind head matches PyTorch on ${c.name}`, () => {
      const { blindAb, blindLogits } = c;
      if (!heads.blind || !blindAb || !blindLogits) {
        throw new Error(`parity.json case ${c.name}: the model or the case lacks the blind head`);
      }
      const out = predict(heads.blind.model, c.local, c.localShape, c.global);
      expect(out.abShape).toEqual(c.abShape);
      expect(maxAbsDiff(out.ab, blindAb)).toBeLessThanOrEqual(AB_TOL);
      expect(maxAbsDiff(out.logits, blindLogits)).toBeLessThanOrEqual(logitsTol(blindLogits));
      // Its own weights: on these inputs it does not just repeat the hinted head.
      expect(maxAbsDiff(blindAb, c.ab)).toBeGreaterThan(AB_TOL);
    });
  }

  it('builds the global broadcast Add symbolically over dynamic H, W', () => {
    // [N,h,w,160] + [N,1,1,160]: TF.js must infer a dynamic spatial shape (no reshape/tiling).
    expect(loaded.model.getLayer('add_global').outputShape).toEqual([null, null, null, 160]);
  });
});
