import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inGamut, labToSrgb8, relightAb, srgb8ToLab } from '../../src/core/color';
import type { GreyImage } from '../../src/core/image';
import { emptySession } from '../../src/core/session';
import { guessAt, type ShownColouring } from '../../src/editor/color/guess';
import { EditorStore } from '../../src/editor/store/editorStore';
import { pointTool } from '../../src/editor/tools/pointTool';
import { harness } from './toolHarness';

/** A 40×20 colouring: left half (L 50, a 40, b 20), right half (L 70, a −30, b 30). */
function photo(): { grey: GreyImage; shown: ShownColouring } {
  const [width, height] = [40, 20];
  const L = new Float32Array(width * height);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const left = j < width / 2;
      const lab: [number, number, number] = left ? [50, 40, 20] : [70, -30, 30];
      L[i * width + j] = lab[0];
      rgba.set([...labToSrgb8(...lab), 255], 4 * (i * width + j));
    }
  }
  return { grey: { width, height, L }, shown: { rgba, width, height } };
}

const SOURCE = { width: 400, height: 200 }; // the working copy is a tenth of the photo

describe('the network’s guess under a new point', () => {
  it('is the colour shown there (a*, b*), in source-pixel coordinates', () => {
    const { grey, shown } = photo();
    const left = guessAt(shown, grey, SOURCE, 50, 100, 40);
    const right = guessAt(shown, grey, SOURCE, 350, 100, 40);
    expect(left?.[0]).toBeCloseTo(40, 0);
    expect(left?.[1]).toBeCloseTo(20, 0);
    expect(right?.[0]).toBeCloseTo(-30, 0);
    expect(right?.[1]).toBeCloseTo(30, 0);
  });

  it('averages over the point’s area and stays in gamut at the mean L* there', () => {
    const { grey, shown } = photo();
    // Centred on the boundary: half of each side.
    const ab = guessAt(shown, grey, SOURCE, 200, 100, 60);
    if (!ab) throw new Error('no guess');
    expect(ab[0]).toBeGreaterThan(-5);
    expect(ab[0]).toBeLessThan(15);
    expect(inGamut(60, ab[0], ab[1])).toBe(true);
  });

  it('re-lights a colour the point’s L* cannot show into the gamut', () => {
    const { grey, shown } = photo();
    grey.L.fill(97); // nearly white: a*, b* (40, 20) is out of the sRGB gamut at L* 97
    const ab = guessAt(shown, grey, SOURCE, 50, 100, 40);
    if (!ab) throw new Error('no guess');
    expect(inGamut(97, ab[0], ab[1])).toBe(true);
    expect(Math.hypot(ab[0], ab[1])).toBeLessThan(Math.hypot(40, 20));
    // Re-lit as every colour is (hue as seen kept, less chroma: test/core/color/relight.test.ts);
    // the shown colour is 8-bit, hence the tolerance.
    const [ra, rb] = relightAb(97, 40, 20);
    expect(ab[0]).toBeCloseTo(ra, 1);
    expect(ab[1]).toBeCloseTo(rb, 1);
  });

  it('a uniform colouring gives its own colour back, in gamut, at any point and size', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
        ),
        fc.double({ min: 0, max: 399, noNaN: true }),
        fc.double({ min: 0, max: 199, noNaN: true }),
        fc.double({ min: 1, max: 120, noNaN: true }),
        (rgb, x, y, size) => {
          const { grey, shown } = photo();
          const lab = srgb8ToLab(...rgb);
          grey.L.fill(lab[0]);
          for (let p = 0; p < shown.rgba.length; p += 4) shown.rgba.set(rgb, p);
          const ab = guessAt(shown, grey, SOURCE, x, y, size);
          if (!ab) return false;
          return (
            inGamut(lab[0], ab[0], ab[1]) &&
            Math.abs(ab[0] - lab[1]) < 1 &&
            Math.abs(ab[1] - lab[2]) < 1
          );
        },
      ),
    );
  });

  it('a tiny point still reads the pixel under it; a stale colouring gives no guess', () => {
    const { grey, shown } = photo();
    expect(guessAt(shown, grey, SOURCE, 350, 100, 1)?.[0]).toBeCloseTo(-30, 0);
    expect(guessAt({ ...shown, width: 20 }, grey, SOURCE, 50, 100, 4)).toBeNull();
  });
});

describe('the guess on a preview smaller than the working copy', () => {
  it('reads a*, b* from the reduced preview and L* from the working copy', () => {
    const { grey, shown } = photo();
    // The same colouring at half the size, as the editor composes it for a zoomed-out view.
    const [width, height] = [20, 10];
    const half = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < height; i++)
      for (let j = 0; j < width; j++)
        half.set(
          shown.rgba.subarray(4 * (2 * i * 40 + 2 * j), 4 * (2 * i * 40 + 2 * j) + 4),
          4 * (i * width + j),
        );
    const small = { rgba: half, width, height };
    for (const [x, size] of [
      [50, 40],
      [350, 40],
      [200, 60],
      [350, 1],
    ]) {
      const full = guessAt(shown, grey, SOURCE, x, 100, size);
      const reduced = guessAt(small, grey, SOURCE, x, 100, size);
      expect(reduced?.[0]).toBeCloseTo(full?.[0] ?? Number.NaN, 0);
      expect(reduced?.[1]).toBeCloseTo(full?.[1] ?? Number.NaN, 0);
    }
    // A colouring of another shape is stale.
    expect(guessAt({ ...small, height: 20 }, grey, SOURCE, 50, 100, 4)).toBeNull();
  });
});

describe('new points start from the guess', () => {
  it('the point tool takes the colour the event offers at the spot, else the current colour', () => {
    const h = harness(pointTool);
    const offered: number[][] = [];
    const colorAt = (x: number, y: number, size: number) => {
      offered.push([x, y, size]);
      return x < 100 ? ([5, 6] as [number, number]) : null;
    };
    h.down(50, 40, [30, 10], 8, colorAt);
    h.up(50, 40);
    h.down(150, 40, [30, 10], 8, colorAt);
    h.up(150, 40);
    expect(h.history.present.hints.map((p) => (p.kind === 'point' ? p.ab : null))).toEqual([
      [5, 6],
      [30, 10],
    ]);
    expect(offered).toEqual([
      [50, 40, 8],
      [150, 40, 8],
    ]);
  });

  it('the store offers the guess until a colour is picked with nothing selected', () => {
    const store = new EditorStore();
    store.open(emptySession({ width: 400, height: 300, name: 'p' }));
    store.setGuess(() => [11, 22]);
    const click = (x: number, y: number) => {
      store.pointerDown(x, y, 2);
      store.pointerUp(x, y);
    };
    click(10, 10);
    expect(store.session?.hints[0]).toMatchObject({ ab: [11, 22] });
    // Recolouring the selected point is an edit of that point, not a choice for new ones.
    store.setColor([-40, 5]);
    expect(store.getSnapshot().settings.newPointColor).toBe('guess');
    click(100, 100);
    expect(store.session?.hints[1]).toMatchObject({ ab: [11, 22] });
    store.select(null);
    store.setColor([0, -50]);
    expect(store.getSnapshot().settings.newPointColor).toBe('picked');
    click(200, 200);
    click(300, 200);
    expect(store.session?.hints.slice(2)).toMatchObject([{ ab: [0, -50] }, { ab: [0, -50] }]);
    store.setNewPointColor('guess');
    click(50, 250);
    expect(store.session?.hints[4]).toMatchObject({ ab: [11, 22] });
  });
});
