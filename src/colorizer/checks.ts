import type { GreyImage } from '../core/image';
import { normaliseBackendPreference } from './backend';
import { validateWorkingSize } from './config';
import { type ConfidenceParams, DEFAULT_CONFIDENCE } from './refine';
import type { BackendName, LoadOptions } from './types';

/** loadColorizer's options, checked with plain errors naming the bad field. */
export function checkLoadOptions(options: LoadOptions): {
  order: BackendName[];
  confidence: Readonly<ConfidenceParams>;
} {
  if (typeof options !== 'object' || options === null) {
    throw new Error('loadColorizer: expected an options object { model, backend?, workingSize? }');
  }
  if (options.model === undefined) throw new Error('loadColorizer: options.model is missing');
  const order = normaliseBackendPreference(options.backend);
  if (options.workingSize !== undefined) validateWorkingSize(options.workingSize);
  if (options.refine !== undefined && typeof options.refine !== 'boolean') {
    throw new Error(
      `loadColorizer: options.refine must be a boolean, got ${JSON.stringify(options.refine)}`,
    );
  }
  return { order, confidence: checkConfidence(options.confidence) };
}

/**
 * options.confidence: one exponent (at any hint count, either head) or { noHints, manyHints,
 * manyAt, blindHead? } (./refine/confidenceSchedule.ts); absent → DEFAULT_CONFIDENCE.
 */
function checkConfidence(value: LoadOptions['confidence']): Readonly<ConfidenceParams> {
  if (value === undefined) return DEFAULT_CONFIDENCE;
  const exponent = (field: string, v: unknown): number => {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw new Error(
        `loadColorizer: options.${field} must be a number ≥ 0, got ${JSON.stringify(v)}`,
      );
    }
    return v;
  };
  if (typeof value !== 'object' || value === null) {
    const p = exponent('confidence', value);
    return { noHints: p, manyHints: p, manyAt: 0, blindHead: p };
  }
  return {
    noHints: exponent('confidence.noHints', value.noHints),
    manyHints: exponent('confidence.manyHints', value.manyHints),
    manyAt: exponent('confidence.manyAt', value.manyAt),
    ...(value.blindHead === undefined
      ? {}
      : { blindHead: exponent('confidence.blindHead', value.blindHead) }),
  };
}

/** Throws unless `image` is a GreyImage with a Float32Array L of width × height values. */
export function checkImage(image: GreyImage): void {
  if (typeof image !== 'object' || image === null)
    throw new Error('image: expected a GreyImage { width, height, L }');
  const { width, height, L } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`image: width and height must be positive integers, got ${width}×${height}`);
  }
  if (!(L instanceof Float32Array) || L.length !== width * height) {
    throw new Error(
      `image.L: expected a Float32Array of ${width * height} values, got ${L?.length}`,
    );
  }
}
