/**
 * The colours the network would choose at a spot if the user had said nothing there: the blind
 * head's colour distribution for the photo (and its global hints). The hinted head's distribution
 * at a hinted pixel is sure of the hint's own colour, so suggesting from it would only hand the
 * user's colour back; the blind head's modes are the real alternatives.
 */
import type { GreyImage } from '../core/image';
import type { GlobalHints } from '../core/session/types';
import type { Head } from './heads';
import { predict } from './predict';
import { encodeLocal } from './preprocess';
import type { ModelMeta } from './types';

/** The blind head's logits for one photo and one set of global hints. */
export interface BlindLogits {
  image: GreyImage;
  /** The palette it was computed with (JSON): a new palette changes the alternatives. */
  globalKey: string;
  logits: Float32Array;
  width: number;
  height: number;
}

/**
 * What the cached logits depend on enough to recompute: the palette only. The saturation moves
 * with a slider, and recomputing on every step would double the network cost of the drag for
 * swatches whose hues it hardly changes.
 */
export function globalKeyOf(global: GlobalHints): string {
  return JSON.stringify(global.palette);
}

export function isFreshFor(
  cached: BlindLogits | null,
  image: GreyImage,
  global: GlobalHints,
): boolean {
  return cached !== null && cached.image === image && cached.globalKey === globalKeyOf(global);
}

/**
 * Runs the blind head once on the photo with no local hints (one network run, no extra views):
 * what a hinted session's suggestions read when no blind run of this photo is cached.
 */
export async function predictBlindLogits(
  head: Head,
  meta: ModelMeta,
  input: {
    image: GreyImage;
    global: GlobalHints;
    lNorm: Float32Array;
    encodedGlobal: Float32Array;
  },
  width: number,
  height: number,
): Promise<BlindLogits> {
  const n = width * height;
  const none = { ab: new Float32Array(2 * n), mask: new Uint8Array(n) };
  const local = encodeLocal(input.lNorm, none, meta.abScale);
  const [abT, logitsT] = predict(
    head.model,
    head.io,
    meta,
    { local, global: input.encodedGlobal, width, height },
    { mirror: false, shift: false },
  );
  try {
    const logits = (await logitsT.data()) as Float32Array;
    const [, lh, lw] = logitsT.shape;
    return {
      image: input.image,
      globalKey: globalKeyOf(input.global),
      logits,
      width: lw,
      height: lh,
    };
  } finally {
    abT.dispose();
    logitsT.dispose();
  }
}
