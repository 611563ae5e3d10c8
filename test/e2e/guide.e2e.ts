// The guidance around the first hint: a new point starts as the colour shown under it, the
// uncertainty overlay's legend, the first-run guide, and the app working offline once visited.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { srgb8ToLab } from '../../src/core/color';
import { withEditor } from './editorHarness';
import { hintCount, meanRgb, openEditor, runs, settledColouring, toScreen } from './pageHelpers';

const PORT = 4205;
const editor = withEditor(PORT);
const SHOTS = '/tmp/shots';
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await editor.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
});

function hexToRgb(hex: string): number[] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  return m.slice(1).map((h) => Number.parseInt(h, 16));
}

describe('guidance in Chromium', () => {
  it('shows the first-run guide on a first visit', async () => {
    await openEditor(page, editor.url);
    const guide = page.getByTestId('first-run-guide');
    await guide.waitFor({ timeout: 30_000 });
    expect(await guide.textContent()).toMatch(/Click a region/);
  });

  it('a new point starts as the colour shown under it, and the guide goes away', async () => {
    // A spot in the sky, which the automatic pass colours, far from the default warm colour.
    const sky = await toScreen(page, 700, 160);
    const shown = await meanRgb(page, sky, 4);
    const start = await runs(page);
    await page.mouse.click(sky.x, sky.y);
    expect(await hintCount(page)).toBe(1);
    const swatch = page.getByTestId('current-color');
    const point = hexToRgb(
      await swatch.evaluate((el) => {
        const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g) ?? [];
        return `#${[r, g, b].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
      }),
    );
    // The point's colour at its L* is what was on screen there (8-bit rounding, averaging).
    for (let c = 0; c < 3; c++) expect(Math.abs(point[c] - shown[c])).toBeLessThan(14);
    await settledColouring(page, start);
    expect(await page.getByTestId('first-run-guide').count()).toBe(0);
  });

  it('suggests alternatives to the point’s colour, not that colour back', async () => {
    const suggestions = page.getByTestId('suggestions').getByRole('button');
    await expect.poll(() => suggestions.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const rgbOf = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    const current = rgbOf(
      await page
        .getByTestId('current-color')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    const colours = await suggestions.evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).backgroundColor),
    );
    const [, a, b] = srgb8ToLab(current[0], current[1], current[2]);
    for (const css of colours) {
      const [, sa, sb] = srgb8ToLab(...(rgbOf(css) as [number, number, number]));
      // At least about the 12 a*, b* units that make a different colour (8-bit rounding aside).
      expect(Math.hypot(sa - a, sb - b)).toBeGreaterThan(9);
    }
  });

  it('the uncertainty overlay shows a legend while on, and its toggle state', async () => {
    const toggle = page.getByRole('button', { name: 'Uncertainty overlay (U)' });
    expect(await page.getByTestId('uncertainty-legend').count()).toBe(0);
    await page.keyboard.press('u');
    const legend = page.getByTestId('uncertainty-legend');
    await legend.waitFor({ timeout: 30_000 });
    expect(await legend.textContent()).toMatch(/where another hint would help most/i);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await settledColouring(page, await runs(page), 1500).catch(() => undefined);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/guide-uncertainty.png` });
    await legend.getByRole('button', { name: /Hide overlay/ }).click();
    expect(await page.getByTestId('uncertainty-legend').count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('the guide stays gone after a reload; Help shows it again', async () => {
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 120_000 });
    await settledColouring(page, 0);
    expect(await page.getByTestId('first-run-guide').count()).toBe(0);
    await page.keyboard.press('?');
    await page.getByRole('button', { name: 'Show the getting-started guide' }).click();
    await page.getByTestId('first-run-guide').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Got it' }).click();
    expect(await page.getByTestId('first-run-guide').count()).toBe(0);
  });

  it('works offline after the first visit: reload without a network, then colorize', async () => {
    // The service worker has precached the app, the model and the WASM binaries.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 60_000,
      })
      .toBe(true);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('backend').waitFor({ timeout: 120_000 });
      await settledColouring(page, 0);
      // A new hint colours the photo without a network.
      await page.getByLabel('Hex colour').fill('#2060ff');
      await page.getByLabel('Hex colour').press('Enter');
      const spot = await toScreen(page, 300, 300);
      const before = await hintCount(page);
      const start = await runs(page);
      await page.mouse.click(spot.x, spot.y);
      await settledColouring(page, start);
      expect(await hintCount(page)).toBe(before + 1);
    } finally {
      await context.setOffline(false);
    }
  });
});
