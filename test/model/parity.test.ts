// The shipped TF.js model must reproduce PyTorch (test/fixtures/model/parity.json, written by
// model/export_tfjs.py from float32 weights). Tolerance: float16 weight quantisation moves ab
// by < 2e-3 tanh units (0.22 ab, invisible); logits get a looser bound of 2e-2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LoadedModel, loadExportedModel, predict } from './load-model';

const root = join(import.meta.dirname, '..', '..');
const AB_TOL = 2e-3;
const LOGITS_TOL = 2e-2;

interface ParityCase {
  name: string;
  localShape: number[];
  local: number[];
  global: number[];
  abShape: number[];
  ab: number[];
  logitsShape: number[];
  logits: number[];
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
  beforeAll(async () => {
    loaded = await loadExportedModel(join(root, 'public', 'models', 'tintype'));
  });

  it('declares contract v1 inputs, outputs and metadata', () => {
    const { model, json } = loaded;
    expect(model.inputNames).toEqual(['local', 'global']);
    expect(model.outputNames).toEqual(['ab', 'logits']);
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
  });

  for (const c of fixture.cases) {
    it(`matches PyTorch on ${c.name} within ${AB_TOL} (ab) / ${LOGITS_TOL} (logits)`, () => {
      const out = predict(loaded.model, c.local, c.localShape, c.global);
      expect(out.abShape).toEqual(c.abShape);
      expect(out.logitsShape).toEqual(c.logitsShape);
      expect(maxAbsDiff(out.ab, c.ab)).toBeLessThanOrEqual(AB_TOL);
      expect(maxAbsDiff(out.logits, c.logits)).toBeLessThanOrEqual(LOGITS_TOL);
    });
  }

  it('builds the global broadcast Add symbolically over dynamic H, W', () => {
    // [N,h,w,160] + [N,1,1,160]: TF.js must infer a dynamic spatial shape (no reshape/tiling).
    expect(loaded.model.getLayer('add_global').outputShape).toEqual([null, null, null, 160]);
  });
});
