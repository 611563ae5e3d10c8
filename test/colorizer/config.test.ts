import { describe, expect, it } from 'vitest';
import {
  loadColorizer,
  parseModelMeta,
  validateWorkingSize,
  workingSizeFor,
} from '../../src/colorizer';
import { normaliseBackendPreference } from '../../src/colorizer/backend';

describe('validateWorkingSize', () => {
  it('accepts multiples of 16 in [32, 1024]', () => {
    for (const s of [32, 48, 256, 1024]) expect(validateWorkingSize(s)).toBe(s);
  });
  it.each([0, 16, 100, 1040, -256, 256.5, Number.NaN, '256', null])('rejects %s', (bad) => {
    expect(() => validateWorkingSize(bad)).toThrow(
      /^workingSize must be a positive multiple of 16 between 32 and 1024, got /,
    );
  });
});

describe('workingSizeFor', () => {
  it('maps the long side to the working size and keeps the aspect ratio', () => {
    expect(workingSizeFor(4000, 3000, 256)).toEqual({ width: 256, height: 192 });
    expect(workingSizeFor(3000, 4000, 256)).toEqual({ width: 192, height: 256 });
    expect(workingSizeFor(1000, 1000, 512)).toEqual({ width: 512, height: 512 });
  });
  it('rounds each side to the stride, at least one stride', () => {
    // 256 · 1000/1500 = 170.7 → 176 (nearest multiple of 16).
    expect(workingSizeFor(1500, 1000, 256)).toEqual({ width: 256, height: 176 });
    expect(workingSizeFor(5000, 10, 256)).toEqual({ width: 256, height: 16 });
  });
  it('upscales small photos to the working size too', () => {
    expect(workingSizeFor(100, 50, 256)).toEqual({ width: 256, height: 128 });
  });
  it('rejects empty images', () => {
    expect(() => workingSizeFor(0, 10, 256)).toThrow(/image size must be positive, got 0×10/);
  });
});

describe('backend preference', () => {
  it('defaults to wasm then cpu in Node', () => {
    expect(normaliseBackendPreference(undefined)).toEqual(['wasm', 'cpu']);
  });
  it('names the bad entry', () => {
    expect(() => normaliseBackendPreference(['wasm', 'tpu'])).toThrow(
      'backend[1] must be one of webgpu, webgl, wasm, cpu, got "tpu"',
    );
    expect(() => normaliseBackendPreference([])).toThrow(/at least one/);
  });
});

const validMeta = {
  format: 'tintype-model',
  version: 1,
  lCenter: 50,
  lScale: 100,
  abScale: 110,
  stride: 16,
  logitsStride: 8,
  workingSize: 256,
  binSize: 10,
  bins: [
    [0, 0],
    [10, 0],
  ],
  saturation: 'mean HSV saturation of the sRGB image',
};
const withMeta = (tintype: unknown) => ({ userDefinedMetadata: { tintype } });

describe('parseModelMeta', () => {
  it('accepts the v1 metadata', () => {
    const meta = parseModelMeta(withMeta(validMeta));
    expect(meta.bins).toEqual([
      [0, 0],
      [10, 0],
    ]);
    expect(meta.abScale).toBe(110);
  });
  it('names a missing field', () => {
    const { abScale: _, ...rest } = validMeta;
    expect(() => parseModelMeta(withMeta(rest))).toThrow(
      'model.json userDefinedMetadata.tintype.abScale: missing',
    );
  });
  it('names a bad bin', () => {
    expect(() => parseModelMeta(withMeta({ ...validMeta, bins: [[0, 0], [1]] }))).toThrow(
      /tintype\.bins\[1\]: expected \[a, b\] numbers/,
    );
  });
  it('rejects other formats and versions', () => {
    expect(() => parseModelMeta(withMeta({ ...validMeta, version: 2 }))).toThrow(
      /version: expected 1, got 2/,
    );
    expect(() => parseModelMeta(withMeta({ ...validMeta, format: 'x' }))).toThrow(/format/);
    expect(() => parseModelMeta({})).toThrow(/no userDefinedMetadata/);
    expect(() => parseModelMeta({ userDefinedMetadata: {} })).toThrow(/tintype: missing/);
  });
});

describe('loadColorizer options', () => {
  it('validates before loading anything', async () => {
    const model = { modelJson: {}, weights: new ArrayBuffer(0) };
    await expect(loadColorizer({ model, workingSize: 250 })).rejects.toThrow(
      'workingSize must be a positive multiple of 16 between 32 and 1024, got 250',
    );
    await expect(loadColorizer({ model, backend: 'gpu' as 'cpu' })).rejects.toThrow(
      /backend must be one of/,
    );
    await expect(loadColorizer({} as never)).rejects.toThrow(/options.model is missing/);
  });
});
