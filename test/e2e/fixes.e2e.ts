import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { labToSrgbFloat, srgb8ToLab } from '../../src/core/color';
import { oklabHue } from '../../src/core/color/oklab';
import type { PointHint, Session } from '../../src/core/session/types';
import { withEditor } from './editorHarness';
import {
  greyPng,
  hintCount,
  meanRgb,
  openEditor,
  runs,
  settledColouring,
  toScreen,
} from './pageHelpers';

// What a new user hit in the editor (issue #23): dropping a photo, blue turning violet,
// keyboard access, duplicate React keys, the hint counter, Clear all, resizing the window.
// Built with React's development runtime so duplicate-key warnings reach the console.
const SHOTS = '/tmp/shots';
const PORT = 4203;
const editor = withEditor(PORT, { mode: 'development' });
let page: Page;
const consoleErrors: string[] = [];

/** Hue as seen (OKLab) of CIELAB (L, a, b) in degrees, 0–360. */
const hueOf = (L: number, a: number, b: number) =>
  ((oklabHue(L, a, b) * 180) / Math.PI + 360) % 360;
/** Smallest difference between two hue angles, degrees. */
const hueDistance = (h: number, k: number) => Math.abs(((h - k + 540) % 360) - 180);
const BLUE_HUE = hueOf(...srgb8ToLab(0, 0, 255));

async function savedSession(p: Page): Promise<Session> {
  const saved = p.waitForEvent('download');
  await p.keyboard.press('Control+s');
  return JSON.parse(readFileSync(await (await saved).path(), 'utf8')) as Session;
}

/** The L* the colour panel reports for the selected point. */
async function panelLightness(p: Page): Promise<number> {
  const text = (await p.getByText(/Displayable colours at L\*/).textContent()) ?? '';
  return Number(/L\* (\d+)/.exec(text)?.[1]);
}

/** data-testid or aria-label of the focused element. */
function focusedName(p: Page): Promise<string> {
  return p.evaluate(() => {
    const e = document.activeElement;
    return e?.getAttribute('data-testid') ?? e?.getAttribute('aria-label') ?? e?.tagName ?? '';
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  page = await editor.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});

describe('issue #23: what a new user hit', () => {
  it('opens on the demo photo', async () => {
    await openEditor(page, editor.url);
    expect(await hintCount(page)).toBe(0);
    // The first-run guide sits over the photo; these tests click the photo.
    const gotIt = page.getByRole('button', { name: 'Got it' });
    if (await gotIt.count()) await gotIt.click();
  });

  it('blue stays blue: #0000ff on the light sky keeps its hue, in the hint and on screen', async () => {
    await page.getByLabel('Hex colour').fill('#0000ff');
    await page.getByLabel('Hex colour').press('Enter');
    const sky = await toScreen(page, 700, 160);
    const start = await runs(page);
    await page.mouse.click(sky.x, sky.y);
    await settledColouring(page, start);
    const L = await panelLightness(page);
    expect(L).toBeGreaterThan(60);
    const point = (await savedSession(page)).hints[0] as PointHint;
    const [a, b] = point.ab;
    // The hue #0000ff is seen as, and displayable at the point's lightness (L* is rounded in
    // the panel, hence the small margins).
    expect(hueDistance(hueOf(L, a, b), BLUE_HUE)).toBeLessThan(2);
    for (const channel of labToSrgbFloat(L, a, b)) {
      expect(channel).toBeGreaterThan(-0.03);
      expect(channel).toBeLessThan(1.03);
    }
    // The colour panel shows the selected point's colour: blue, not violet.
    const hex = (await page.getByLabel('Hex colour').inputValue()).replace('#', '');
    const rgb = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const shown = srgb8ToLab(rgb[0], rgb[1], rgb[2]);
    console.log(`#0000ff at L* ${L}: hint ab ${a.toFixed(1)}, ${b.toFixed(1)}; panel #${hex}`);
    expect(hueDistance(hueOf(...shown), BLUE_HUE)).toBeLessThan(4);
    // And the photo under the point: blue, not violet.
    await page.keyboard.press('h');
    const mean = await meanRgb(page, sky, 3);
    await page.keyboard.press('h');
    const lab = srgb8ToLab(...(mean.map(Math.round) as [number, number, number]));
    console.log(`canvas under the point: rgb ${mean.map((v) => v.toFixed(0)).join(', ')}`);
    expect(hueDistance(hueOf(...lab), BLUE_HUE)).toBeLessThan(10);
    await page.screenshot({ path: `${SHOTS}/fixes-blue.png` });
  });

  it('suggestions near black, where several land on one colour, render without key clashes', async () => {
    const dark = await toScreen(page, 320, 580);
    const start = await runs(page);
    await page.mouse.click(dark.x, dark.y);
    await settledColouring(page, start);
    const swatches = page.getByTestId('suggestions').getByRole('button');
    await expect.poll(() => swatches.count(), { timeout: 60_000 }).toBeGreaterThan(1);
    await page.keyboard.press('Delete');
  });

  it('Space presses a focused checkbox, button and menu; Escape closes help and the demo menu', async () => {
    const checkbox = page.getByLabel('Set saturation');
    await checkbox.focus();
    await page.keyboard.press(' ');
    expect(await checkbox.isChecked()).toBe(true);
    await page.keyboard.press(' ');
    expect(await checkbox.isChecked()).toBe(false);

    const brush = page.getByRole('button', { name: 'Brush tool (B)' });
    await brush.focus();
    await page.keyboard.press(' ');
    expect(await brush.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('p');

    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const menu = page.locator('details.gallery');
    await page.getByLabel('Demo photographs').focus();
    await page.keyboard.press(' ');
    expect(await menu.getAttribute('open')).not.toBeNull();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('open')).toBeNull();
    expect(await focusedName(page)).toBe('Demo photographs');
  });

  it('Tab reaches the photo, the colour picker and the palette input; a hint needs no pointer', async () => {
    await page.locator('body').focus();
    const seen: string[] = [];
    for (let i = 0; i < 60 && !seen.includes('canvas'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusedName(page));
    }
    const isReferenceInput = (name: string) => name.startsWith('Reference photo');
    for (let i = 0; i < 60 && !seen.some(isReferenceInput); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusedName(page));
    }
    expect(seen).toContain('canvas');
    expect(seen).toContain('gamut');
    expect(seen.some(isReferenceInput)).toBe(true);

    // The colour picker: arrow keys move the colour.
    const gamut = page.getByTestId('gamut');
    await gamut.focus();
    const swatch = page.getByTestId('current-color');
    const before = await swatch.getAttribute('style');
    const recent = page.getByRole('button', { name: /Use recent colour/ });
    const recentBefore = await recent.count();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => swatch.getAttribute('style')).not.toBe(before);
    // Five presses in a row are one pick: one more recent colour, not five.
    expect(await recent.count()).toBe(Math.min(12, recentBefore + 1));

    // The canvas: arrows move a keyboard cursor, Enter puts a point of the current colour there.
    const count = await hintCount(page);
    const canvas = page.getByTestId('canvas');
    await canvas.focus();
    await page.keyboard.press('Escape'); // nothing selected, so Enter adds rather than grabs
    const start = await runs(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await settledColouring(page, start);
    expect(await hintCount(page)).toBe(count + 1);
    expect(await page.getByTestId('canvas-announcement').textContent()).toMatch(
      /Point added at \d+, \d+/,
    );
    const session = await savedSession(page);
    const added = session.hints[session.hints.length - 1] as PointHint;
    expect(added.kind).toBe('point');
    // Started at the photo's centre, moved down only.
    expect(Math.abs(added.x - session.image.width / 2)).toBeLessThan(2);
    expect(added.y).toBeGreaterThan(session.image.height / 2 + 10);
    await page.screenshot({ path: `${SHOTS}/fixes-keyboard.png` });
  });

  it('the hint counter counts colour hints, not eraser strokes', async () => {
    const count = await hintCount(page);
    const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      const start = await runs(page);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 6 });
      await page.mouse.up();
      await settledColouring(page, start);
    };
    await page.keyboard.press('b');
    await drag(await toScreen(page, 100, 1100), await toScreen(page, 400, 1100));
    expect(await hintCount(page)).toBe(count + 1);
    await page.keyboard.press('e');
    await drag(await toScreen(page, 250, 1050), await toScreen(page, 250, 1150));
    const session = await savedSession(page);
    expect(session.hints.at(-1)?.kind).toBe('erase');
    expect(await hintCount(page)).toBe(count + 1);
    await page.keyboard.press('p');
  });

  it('Clear all says what it clears and clears hints, palette and saturation in one undo step', async () => {
    const clear = page.getByRole('button', { name: /Clear all/ });
    expect(await clear.getAttribute('aria-label')).toMatch(/palette/i);
    expect(await clear.getAttribute('aria-label')).toMatch(/saturation/i);
    const saturation = page.getByLabel('Set saturation');
    await saturation.check();
    const count = await hintCount(page);
    expect(count).toBeGreaterThan(0);
    await clear.click();
    expect(await hintCount(page)).toBe(0);
    expect(await saturation.isChecked()).toBe(false);
    expect(await page.getByTestId('notice').textContent()).toMatch(
      new RegExp(`Cleared ${count} hints? and the saturation\\. Ctrl\\+Z brings back`),
    );
    await page.keyboard.press('Control+z');
    expect(await hintCount(page)).toBe(count);
    expect(await saturation.isChecked()).toBe(true);
  });

  it('resizing the window refits the photo until the user zooms', async () => {
    const canvas = page.getByTestId('canvas');
    const scale = async () => Number(await canvas.getAttribute('data-scale'));
    const fitted = await scale();
    await page.setViewportSize({ width: 1000, height: 700 });
    await expect.poll(scale).toBeLessThan(fitted * 0.9);
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas has no box');
    expect(1498 * (await scale())).toBeLessThanOrEqual(box.width);
    await page.keyboard.press('+');
    const zoomed = await scale();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(500);
    expect(await scale()).toBe(zoomed);
    await page.keyboard.press('0');
    const refitted = await scale();
    await page.setViewportSize({ width: 1100, height: 800 });
    await expect.poll(scale).toBeLessThan(refitted * 0.9);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('a photo dropped anywhere on the window opens, with a drop highlight', async () => {
    const png = await greyPng(320, 240, 90);
    const data = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      return transfer;
    }, png.toString('base64'));
    const target = page.locator('.statusbar');
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await expect.poll(() => page.getByTestId('drop-highlight').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/fixes-drop.png` });
    const start = await runs(page);
    await target.dispatchEvent('drop', { dataTransfer: data });
    await expect
      .poll(() => page.locator('.file-name').textContent(), { timeout: 30_000 })
      .toBe('dropped.png');
    expect(await page.getByTestId('drop-highlight').count()).toBe(0);
    await settledColouring(page, start);
    expect(await hintCount(page)).toBe(0);
  });

  it('logged no duplicate-key errors on the way', () => {
    const duplicates = consoleErrors.filter((m) => /same key/.test(m));
    expect(duplicates).toEqual([]);
  });
});
