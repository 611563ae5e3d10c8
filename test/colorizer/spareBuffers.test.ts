import { describe, expect, it } from 'vitest';
import { createSpareBuffers, MAX_SPARES } from '../../src/colorizer/worker/spareBuffers';

describe('spare preview buffers', () => {
  it('hands out a kept buffer of the size asked for, once', () => {
    const spares = createSpareBuffers();
    const small = new ArrayBuffer(8);
    const big = new ArrayBuffer(32);
    spares.add([small, big]);
    spares.add(undefined);
    const got = spares.take(32);
    expect(got?.buffer).toBe(big);
    expect(got?.length).toBe(32);
    expect(spares.take(32)).toBeUndefined();
    expect(spares.take(8)?.buffer).toBe(small);
  });

  it('keeps the most recent MAX_SPARES and ignores detached buffers', () => {
    const spares = createSpareBuffers();
    const buffers = Array.from({ length: MAX_SPARES + 1 }, () => new ArrayBuffer(8));
    const detached = new ArrayBuffer(8);
    structuredClone(detached, { transfer: [detached] });
    spares.add([...buffers, detached]);
    const out = Array.from({ length: MAX_SPARES + 1 }, () => spares.take(8)?.buffer ?? null);
    expect(out).toEqual([...buffers.slice(1), null]);
  });
});
