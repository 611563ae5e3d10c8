import { describe, expect, it } from 'vitest';
import { inGamut, srgb8ToLab } from '../../src/core/color';
import { oklabHue } from '../../src/core/color/oklab';
import { emptySession } from '../../src/core/session';
import type { Ab, PointHint } from '../../src/core/session/types';
import { abToHex, parseHex } from '../../src/editor/color/swatch';
import { EditorStore } from '../../src/editor/store/editorStore';
import { pickerKeyStep } from '../../src/editor/ui/pickerKeys';

const BLUE_LAB = srgb8ToLab(0, 0, 255);
const BLUE: Ab = [BLUE_LAB[1], BLUE_LAB[2]];
/** How far (radians) ab at lightness L is from the hue #0000ff is seen as (OKLab). */
const offBlue = (L: number, ab: readonly number[]) => {
  const d = oklabHue(L, ab[0], ab[1]) - oklabHue(BLUE_LAB[0], BLUE[0], BLUE[1]);
  return Math.abs(Math.atan2(Math.sin(d), Math.cos(d)));
};
const DEGREE = Math.PI / 180;

function storeOnSky(L: number) {
  const store = new EditorStore();
  store.open(emptySession({ width: 400, height: 300, name: 'p' }));
  store.setLightnessLookup(() => L);
  return store;
}

function click(store: EditorStore, x: number, y: number) {
  store.pointerDown(x, y, 2);
  store.pointerUp(x, y);
}

describe('editor store: colours re-lit to the photo, Clear all', () => {
  it('a #0000ff point on a light area keeps the hue of blue at a chroma the photo can show', () => {
    const store = storeOnSky(80);
    store.setColor(BLUE);
    click(store, 100, 100);
    const point = store.session?.hints[0] as PointHint;
    expect(inGamut(80, point.ab[0], point.ab[1])).toBe(true);
    expect(offBlue(80, point.ab)).toBeLessThan(DEGREE);
    expect(Math.hypot(...point.ab)).toBeGreaterThan(10);
    // The current colour stays what the user picked, for the next point on a darker area.
    expect(store.getSnapshot().settings.color).toEqual(BLUE);
  });

  it('recolouring the selected point re-lits the colour to that point’s L*', () => {
    const store = storeOnSky(85);
    store.setColor([10, 10]);
    click(store, 100, 100);
    store.setColor(BLUE);
    const point = store.session?.hints[0] as PointHint;
    expect(inGamut(85, point.ab[0], point.ab[1])).toBe(true);
    expect(offBlue(85, point.ab)).toBeLessThan(DEGREE);
  });

  it('Clear all clears hints, palette and saturation in one undo step and keeps vividness', () => {
    const store = storeOnSky(50);
    store.setColor([10, 10]);
    click(store, 100, 100);
    store.setGlobal({ saturation: 0.4, palette: [{ ab: [10, 20], weight: 1 }] });
    store.setVividness(0.8);
    store.clearAll();
    expect(store.session?.hints).toEqual([]);
    expect(store.session?.global).toEqual({ saturation: null, palette: null });
    expect(store.session?.vividness).toBe(0.8);
    store.undo();
    expect(store.session?.hints).toHaveLength(1);
    expect(store.session?.global.saturation).toBe(0.4);
    expect(store.session?.global.palette).toHaveLength(1);
  });

  it('swatches show #0000ff at a light L* as a light blue, not violet or lavender', () => {
    const [r, g, b] = parseHex(abToHex(BLUE, 80));
    const [L, a, bb] = srgb8ToLab(r, g, b);
    // 8-bit rounding moves the hue a little at this small chroma.
    expect(offBlue(L, [a, bb])).toBeLessThan(2 * DEGREE);
    // Blue leads, and green is above red (lavender and violet have red above green).
    expect(b).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(r);
  });

  it('arrow keys step the picker colour the way they point; other keys do nothing', () => {
    expect(pickerKeyStep({ key: 'ArrowRight' })).toEqual([1, 0]);
    expect(pickerKeyStep({ key: 'ArrowUp', shiftKey: true })).toEqual([0, 5]);
    expect(pickerKeyStep({ key: 'ArrowDown' })).toEqual([0, -1]);
    expect(pickerKeyStep({ key: 'ArrowLeft' })).toEqual([-1, 0]);
    expect(pickerKeyStep({ key: 'Enter' })).toBeNull();
  });
});
