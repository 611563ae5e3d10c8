import * as tfl from '@tensorflow/tfjs-layers';
import { checkModelShapes, type ModelIo } from './modelIo';
import type { ModelMeta } from './types';

/** One head of the network as a model of its own: contract v1's two outputs, ab and logits. */
export interface Head {
  model: tfl.LayersModel;
  io: ModelIo;
}

/**
 * `hinted` answers every session with point or stroke hints; `blind`, when the export has one,
 * answers sessions without any (the photo alone, or with only a palette / saturation). A
 * separate head because no-hints colouring and hint propagation pull shared weights in opposite
 * directions: every fine-tune that raised the no-hints score lowered the hinted scores.
 */
export interface Heads {
  hinted: Head;
  blind: Head | null;
}

/** Output layer names of an export with a blind head, in model/keras_topology.py's order. */
export const BLIND_OUTPUTS = ['ab', 'logits', 'blind_ab', 'blind_logits'] as const;

/**
 * Splits a loaded model into its heads. Two outputs: one head, the model itself. Four (named
 * as BLIND_OUTPUTS): two sub-models over the same layers, so each predict() computes only its
 * own head (the shared encoder is not run twice, and the other head not at all).
 */
export function splitHeads(model: tfl.LayersModel, meta: ModelMeta): Heads {
  if (model.outputs.length !== 4)
    return { hinted: { model, io: checkModelShapes(model, meta) }, blind: null };
  const names = model.outputNames;
  if (BLIND_OUTPUTS.some((name, i) => names[i] !== name)) {
    throw new Error(
      `model: 4 outputs must be ${BLIND_OUTPUTS.join(', ')} (a blind head), got ${names.join(', ')}`,
    );
  }
  const head = (a: number, b: number): Head => {
    const sub = tfl.model({ inputs: model.inputs, outputs: [model.outputs[a], model.outputs[b]] });
    return { model: sub, io: checkModelShapes(sub, meta) };
  };
  return { hinted: head(0, 1), blind: head(2, 3) };
}

/** The head for a hint raster: the blind one when no pixel carries a point or stroke hint. */
export function headFor(heads: Heads, mask: Uint8Array): Head {
  return heads.blind && !mask.includes(1) ? heads.blind : heads.hinted;
}
