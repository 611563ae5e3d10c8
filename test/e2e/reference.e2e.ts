import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { labToSrgb8, rgbaToGreyImage } from '../../src/core/color';
import { transferFromReference } from '../../src/core/exemplar';
import { mosaicGrey, mosaicRgbaReframed } from '../core/exemplar/scenes';
import { withEditor } from './editorHarness';
import { hintCount, openEditor, openPhoto, runs, settledColouring, toScreen } from './pageHelpers';

const PORT = 4206;
const editor = withEditor(PORT);
const TARGET = [0, 1, 2, 3, 4, 5, 6, 7, 8];
let page: Page;

/** The mosaic of test/core/exemplar/scenes.ts without its colour (the photo to colour). */
function targetPng(): Promise<Buffer> {
  const grey = mosaicGrey(TARGET);
  const rgb = Buffer.alloc(grey.width * grey.height * 3);
  for (let i = 0; i < grey.L.length; i++) rgb.set(labToSrgb8(grey.L[i], 0, 0), 3 * i);
  return sharp(rgb, { raw: { width: grey.width, height: grey.height, channels: 3 } })
    .png()
    .toBuffer();
}

/** The target as the editor decodes it (8-bit grey pixels → L*). */
async function decodedGrey() {
  const { data, info } = await sharp(await targetPng())
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return rgbaToGreyImage(new Uint8ClampedArray(data), info.width, info.height);
}

/** The same scene in colour, mirrored and reframed: the reference photo. */
function referencePng(): Promise<Buffer> {
  const { width, height, rgba } = mosaicRgbaReframed(TARGET);
  return sharp(Buffer.from(rgba), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

const referenceCard = () => page.getByTestId('reference');

beforeAll(async () => {
  page = await editor.newPage({ viewport: { width: 1200, height: 800 } });
});

describe('colour from a reference photo in Chromium', () => {
  it('adds its matched points in one undo step; removing it keeps the edited ones', async () => {
    await openEditor(page, editor.url);
    const opened = await runs(page);
    await openPhoto(page, { name: 'mosaic.png', mimeType: 'image/png', buffer: await targetPng() });
    await settledColouring(page, opened);
    expect(await hintCount(page)).toBe(0);
    // What the matcher finds here (the browser decodes both PNGs to the same pixels).
    const expected = transferFromReference(await decodedGrey(), mosaicRgbaReframed(TARGET)).hints;
    expect(expected.length).toBeGreaterThanOrEqual(3);

    const reference = { name: 'colour.png', mimeType: 'image/png', buffer: await referencePng() };
    await page.getByLabel('Reference photo').setInputFiles(reference);
    await expect.poll(() => hintCount(page), { timeout: 60_000 }).toBe(expected.length);
    expect(await referenceCard().textContent()).toContain(
      `colour.png · ${expected.length} points from it`,
    );
    await expect.poll(() => referenceCard().locator('img').count()).toBe(1);

    // One undo step removes all of them and the reference; redo brings them back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => hintCount(page)).toBe(0);
    expect(await referenceCard().count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => hintCount(page)).toBe(expected.length);

    // Recolour one of them (select it with the point tool, pick a colour): it becomes the user's.
    const point = await toScreen(page, expected[0].x, expected[0].y);
    await page.mouse.click(point.x, point.y);
    expect(await hintCount(page)).toBe(expected.length); // selected, not a new point
    await page.getByLabel('Hex colour').fill('#c02020');
    await page.getByLabel('Hex colour').press('Enter');
    await expect
      .poll(async () => referenceCard().textContent())
      .toContain(`${expected.length - 1} points from it`);

    // Removing the reference removes the unedited points only.
    await page.getByRole('button', { name: 'Remove reference' }).click();
    await expect.poll(() => hintCount(page)).toBe(1);
    expect(await referenceCard().count()).toBe(0);
  });

  it('refuses a black-and-white reference in one line and keeps the hints', async () => {
    const before = await hintCount(page);
    const grey = { name: 'grey.png', mimeType: 'image/png', buffer: await targetPng() };
    await page.getByLabel('Reference photo').setInputFiles(grey);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(
      /^Could not use “grey\.png”: reference is black and white/,
    );
    expect(await hintCount(page)).toBe(before);
  });
});
