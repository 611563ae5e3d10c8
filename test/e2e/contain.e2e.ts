import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEditor } from './editorHarness';
import { meanRgb, openEditor, openPhoto, runs, settledColouring, toScreen } from './pageHelpers';

const PORT = 4201;
const editor = withEditor(PORT);
let page: Page;

/** 256×128 photo: dark grey left half, light grey right half, one strong vertical edge. */
function edgePhoto(): Promise<Buffer> {
  const width = 256;
  const height = 128;
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) data.fill(i % width < 128 ? 60 : 200, 3 * i, 3 * i + 3);
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

beforeAll(async () => {
  page = await editor.newPage({ viewport: { width: 1200, height: 800 } });
});

/** A green brush stroke across the dark half, waited for until the colouring settles. */
async function paintStroke(): Promise<void> {
  const from = await toScreen(page, 30, 64);
  const to = await toScreen(page, 90, 70);
  const start = await runs(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y + ((to.y - from.y) * i) / 6);
  await page.mouse.up();
  await settledColouring(page, start);
}

/** Mean RGB around a source pixel with the hint overlay hidden. */
async function colourAt(x: number, y: number): Promise<number[]> {
  await page.keyboard.press('h');
  const rgb = await meanRgb(page, await toScreen(page, x, y), 6);
  await page.keyboard.press('h');
  return rgb;
}

const largestDiff = (a: number[], b: number[]) => Math.max(...a.map((v, c) => Math.abs(v - b[c])));

describe('contained brush strokes in Chromium', () => {
  it('a contained stroke leaves the far side of a strong edge as it was; uncontained it does not', async () => {
    await openEditor(page, editor.url);
    const before = await runs(page);
    await openPhoto(page, { name: 'edge.png', mimeType: 'image/png', buffer: await edgePhoto() });
    await settledColouring(page, before);
    // The first-visit guide covers part of the photo: out of the way before sampling.
    const guide = page.getByRole('button', { name: 'Got it' });
    if (await guide.isVisible()) await guide.click();
    const farBefore = await colourAt(200, 64);
    const nearBefore = await colourAt(60, 40);

    await page.keyboard.press('b');
    await page.getByLabel('Hex colour').fill('#20c040');
    await page.getByLabel('Hex colour').press('Enter');
    expect(await page.getByLabel('Contain').isChecked()).toBe(true); // strokes default to contain
    await paintStroke();
    const near = await colourAt(60, 40);
    expect(near[1] - near[0]).toBeGreaterThan(nearBefore[1] - nearBefore[0] + 5); // greener
    expect(largestDiff(await colourAt(200, 64), farBefore)).toBeLessThanOrEqual(1);

    // The same stroke without containment (the behaviour before it existed) reaches across.
    await page.keyboard.press('Control+z');
    await page.getByLabel('Contain').uncheck();
    await paintStroke();
    expect(largestDiff(await colourAt(200, 64), farBefore)).toBeGreaterThan(3);
  });
});
