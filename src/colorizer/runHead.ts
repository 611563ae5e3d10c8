import type { HintRaster } from '../core/raster';
import { normalisedEntropy } from './distribution';
import { type Heads, headFor } from './heads';
import { predict, type Views } from './predict';
import { encodeLocal } from './preprocess';
import type { ModelMeta } from './types';

/** What one head said about a photo at one working size, read back from the backend. */
export interface HeadOutput {
  /** tanh ab [h·w·2], before any shaping (./shapeNetAb.ts). */
  netAb: Float32Array;
  /** [lh·lw·q] at 1/logitsStride of the working size. */
  logits: Float32Array;
  entropy: Float32Array;
  /** Size of the logits grid. */
  width: number;
  height: number;
  /** The blind head answered (no pixel carries a point or stroke hint). */
  blind: boolean;
}

/**
 * Encodes the photo's L* and the hint raster, runs the head the hints call for (./heads.ts) over
 * `views`, and reads both outputs back; the tensors are disposed whatever happens.
 */
export async function runHead(
  heads: Heads,
  meta: ModelMeta,
  input: {
    lNorm: Float32Array;
    hints: HintRaster;
    encodedGlobal: Float32Array;
    width: number;
    height: number;
  },
  views: Views,
): Promise<HeadOutput> {
  const { lNorm, hints, encodedGlobal, width, height } = input;
  const local = encodeLocal(lNorm, hints, meta.abScale);
  const head = headFor(heads, hints.mask);
  const [abT, logitsT] = predict(
    head.model,
    head.io,
    meta,
    { local, global: encodedGlobal, width, height },
    views,
  );
  try {
    // Tensors live across this await, hence the explicit dispose in finally.
    const [netAb, logits] = (await Promise.all([abT.data(), logitsT.data()])) as Float32Array[];
    const [, lh, lw] = logitsT.shape;
    const entropy = normalisedEntropy(logits, lw, lh, meta.bins.length);
    return { netAb, logits, entropy, width: lw, height: lh, blind: head === heads.blind };
  } finally {
    abT.dispose();
    logitsT.dispose();
  }
}
