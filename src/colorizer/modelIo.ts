import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ModelMeta } from './types';

/** Where the contract's tensors sit in this particular model's input/output lists. */
export interface ModelIo {
  /** True when inputs are [local, global] (the contract order). */
  localFirst: boolean;
  /** Index of the ab output (0 in the contract). */
  abOutput: 0 | 1;
}

/**
 * Checks the model against model contract v1 (two inputs: local [N,H,W,4], global [N,Q+3];
 * two outputs: ab [N,H,W,2], logits [N,h,w,Q]) so an export mismatch fails at load time with
 * a message, not as a shape error deep inside TF.js on the first stroke.
 */
export function checkModelShapes(model: LayersModel, meta: ModelMeta): ModelIo {
  const q = meta.bins.length;
  const ins = model.inputs.map((t) => t.shape);
  const outs = model.outputs.map((t) => t.shape);
  const fmt = (shapes: (number | null)[][]): string =>
    shapes.map((s) => `[${s.map((d) => d ?? 'N').join(',')}]`).join(', ');
  if (ins.length !== 2)
    throw new Error(`model: expected 2 inputs (local, global), got ${fmt(ins)}`);
  if (outs.length !== 2)
    throw new Error(`model: expected 2 outputs (ab, logits), got ${fmt(outs)}`);
  const isLocal = (s: (number | null)[]) => s.length === 4 && s[3] === 4;
  const isGlobal = (s: (number | null)[]) => s.length === 2 && s[1] === q + 3;
  let localFirst: boolean;
  if (isLocal(ins[0]) && isGlobal(ins[1])) localFirst = true;
  else if (isGlobal(ins[0]) && isLocal(ins[1])) localFirst = false;
  else {
    throw new Error(
      `model inputs ${fmt(ins)} do not match the contract: local [N,H,W,4] and global [N,${q + 3}] (Q = ${q} bins in metadata)`,
    );
  }
  const isAb = (s: (number | null)[]) => s.length === 4 && s[3] === 2;
  const isLogits = (s: (number | null)[]) => s.length === 4 && s[3] === q;
  let abOutput: 0 | 1;
  if (isAb(outs[0]) && isLogits(outs[1])) abOutput = 0;
  else if (isLogits(outs[0]) && isAb(outs[1])) abOutput = 1;
  else {
    throw new Error(
      `model outputs ${fmt(outs)} do not match the contract: ab [N,H,W,2] and logits [N,H/8,W/8,${q}]`,
    );
  }
  return { localFirst, abOutput };
}
