import { describe, expect, it } from 'vitest';
import { inGamutBins } from '../fixtures/tiny-model/bins';
import { REAL_MODEL_DIR, readModelFiles, realModelExists, TINY_MODEL_DIR } from './helpers';

type Json = { userDefinedMetadata: { tintype: { bins: [number, number][] } } };
const binsOf = async (dir: string) =>
  ((await readModelFiles(dir)).modelJson as Json).userDefinedMetadata.tintype.bins;

describe('tiny model fixture', () => {
  it('carries the bins model/bins.py defines (regenerate with make.ts if this fails)', async () => {
    const bins = inGamutBins();
    expect(bins.length).toBe(261);
    expect(await binsOf(TINY_MODEL_DIR)).toEqual(bins);
    // Greys and a few saturated primaries' cells must be there; far corners must not.
    const keys = new Set(bins.map(String));
    expect(keys.has('0,0')).toBe(true);
    expect(keys.has('-110,-110')).toBe(false);
  });

  it.skipIf(!realModelExists())('has the same bins as the shipped model', async () => {
    expect(await binsOf(REAL_MODEL_DIR)).toEqual(await binsOf(TINY_MODEL_DIR));
  });
});
