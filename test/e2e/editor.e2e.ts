import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { labToSrgb8, srgb8ToLab } from '../../src/core/color';
import { withEditor } from './editorHarness';
import { hintCount, meanRgb, openPhoto, runs, settledColouring, toScreen } from './pageHelpers';

/** The Tetons demo photo mirrored and coloured by half (sky blue above, green below), 600 px. */
async function colouredDemo(): Promise<Buffer> {
  const { data, info } = await sharp('public/demo/tetons-and-snake-river-1942.jpg')
    .resize(600)
    .flop()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgb = Buffer.alloc(info.width * info.height * 3);
  for (let i = 0; i < info.width * info.height; i++) {
    const L = srgb8ToLab(data[i], data[i], data[i])[0];
    const sky = Math.floor(i / info.width) < info.height / 2;
    rgb.set(labToSrgb8(L, sky ? -8 : -20, sky ? -25 : 20), 3 * i);
  }
  return sharp(rgb, { raw: { width: info.width, height: info.height, channels: 3 } })
    .png()
    .toBuffer();
}

const SHOTS = '/tmp/shots';
const PORT = 4191;
const editor = withEditor(PORT);
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  page = await editor.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
});

describe('Tintype editor in Chromium', () => {
  it('opens on the demo photo, loads the model and colorizes automatically', async () => {
    await page.goto(`${editor.url}/?backend=wasm`);
    await page.getByTestId('backend').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('backend').textContent()).toMatch(/WASM/);
    await settledColouring(page, 0);
    expect(await page.locator('.file-name').textContent()).toBe('tetons-and-snake-river-1942.jpg');
    expect(await page.getByTestId('credit').textContent()).toMatch(/Ansel Adams/);
    await page.screenshot({ path: `${SHOTS}/e2e-desktop-start.png` });
  });

  it('a blue point in the sky turns the pixels around it blue', async () => {
    const sky = await toScreen(page, 700, 160);
    const before = await meanRgb(page, sky);
    await page.getByLabel('Hex colour').fill('#2060ff');
    await page.getByLabel('Hex colour').press('Enter');
    const start = await runs(page);
    await page.mouse.click(sky.x, sky.y);
    await settledColouring(page, start);
    expect(await hintCount(page)).toBe(1);
    await page.screenshot({ path: `${SHOTS}/e2e-point.png` });
    await page.keyboard.press('h');
    const after = await meanRgb(page, sky);
    await page.keyboard.press('h');
    // Blue minus red grows: the sky moved toward the chosen blue.
    expect(after[2] - after[0]).toBeGreaterThan(before[2] - before[0] + 15);
  });

  it('paints a stroke as one undo step; undo and redo', async () => {
    await page.keyboard.press('b');
    await page.getByLabel('Hex colour').fill('#30a040');
    await page.getByLabel('Hex colour').press('Enter');
    const from = await toScreen(page, 300, 900);
    const to = await toScreen(page, 600, 950);
    const start = await runs(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(
        from.x + ((to.x - from.x) * i) / 10,
        from.y + ((to.y - from.y) * i) / 10,
      );
    await page.mouse.up();
    await settledColouring(page, start);
    expect(await hintCount(page)).toBe(2);
    await page.keyboard.press('Control+z');
    expect(await hintCount(page)).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    expect(await hintCount(page)).toBe(2);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await hintCount(page)).toBe(2);
  });

  it('exports a full-resolution PNG with the hinted colours', async () => {
    const download = page.waitForEvent('download', { timeout: 200_000 });
    await page.getByRole('button', { name: 'Export PNG at full resolution' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tetons-and-snake-river-1942-colorized.png');
    const path = `${SHOTS}/export.png`;
    await file.saveAs(path);
    const { data, info } = await sharp(readFileSync(path))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1498, 1199]);
    const at = (x: number, y: number) =>
      Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    const [r, , b] = at(700, 160);
    expect(b).toBeGreaterThan(r + 10);
  });

  it('the vividness slider (drag, then a key) is saved; reload restores it and every hint', async () => {
    const slider = page.getByLabel('Vividness');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('the vividness slider has no box');
    const start = await runs(page);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, y);
    await page.mouse.move(box.x + box.width * 0.85, y);
    await page.mouse.up();
    const dragged = Number(await slider.inputValue());
    expect(dragged).toBeGreaterThan(0.7);
    await slider.press('ArrowLeft');
    const vividness = Number(await slider.inputValue());
    expect(vividness).toBeCloseTo(dragged - 0.01, 5);
    await settledColouring(page, start);
    const saved = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const before = readFileSync(await (await saved).path(), 'utf8');
    expect(JSON.parse(before).vividness).toBeCloseTo(vividness, 5);
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 120_000 });
    await expect.poll(() => hintCount(page), { timeout: 60_000 }).toBe(2);
    await settledColouring(page, 0);
    const again = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    expect(readFileSync(await (await again).path(), 'utf8')).toBe(before);
  });

  it('a corrupt image and a malformed session give clear messages and keep the work', async () => {
    await openPhoto(page, {
      name: 'broken.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a jpeg at all'),
    });
    await expect
      .poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 })
      .toMatch(/Could not open “broken.jpg”/);
    expect(await page.locator('.file-name').textContent()).toBe('tetons-and-snake-river-1942.jpg');
    await openPhoto(page, {
      name: 'bad.tintype.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"format":"tintype-session","version":1,"image":{"width":1498,"height":1199,"name":"x"},"hints":[{"kind":"point","x":1,"y":2,"size":3,"ab":[0,"red"]}],"global":{"saturation":null,"palette":null}}',
      ),
    });
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/not a valid Tintype session.*\n.*hints\[0\]\.ab\[1\]/);
    expect(await hintCount(page)).toBe(2);
    await page.screenshot({ path: `${SHOTS}/e2e-errors.png` });
  });

  it('suggestions, uncertainty overlay and a reference palette', async () => {
    await page.keyboard.press('p');
    const sky = await toScreen(page, 700, 160);
    await page.mouse.click(sky.x, sky.y); // selects the existing point
    const swatches = page.getByTestId('suggestions').getByRole('button');
    await expect.poll(() => swatches.count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const start = await runs(page);
    await swatches.nth(1).click();
    await settledColouring(page, start);
    expect(await hintCount(page)).toBe(2);
    await page.keyboard.press('u');
    await settledColouring(page, (await runs(page)) - 1);
    // A colour reference of the same scene (the demo photo mirrored, its sky half blue and its
    // land half green): its matched regions become points and a palette
    // (test/e2e/reference.e2e.ts tests the details).
    const reference = await colouredDemo();
    await page.getByLabel('Reference photo').setInputFiles({
      name: 'tinted.png',
      mimeType: 'image/png',
      buffer: reference,
    });
    await page.getByTestId('reference').waitFor({ timeout: 60_000 });
    await page.getByTestId('palette').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/e2e-panels.png` });
    await page.keyboard.press('u');
    await page.keyboard.press('Control+z'); // reference, its points and palette off again
    await expect.poll(() => page.getByTestId('palette').count()).toBe(0);
    expect(await hintCount(page)).toBe(2);
  });

  it('opens a 51-megapixel photo without freezing the page', async () => {
    const width = 8250;
    const height = 6200;
    const big = await sharp({ create: { width, height, channels: 3, background: '#808080' } })
      .jpeg({ quality: 60 })
      .toBuffer();
    // Long main-thread tasks while the photo opens; decoding runs in a worker, so none should
    // come near the seconds a main-thread decode of 51 MP takes.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const start = await runs(page);
    await openPhoto(page, { name: 'big.jpg', mimeType: 'image/jpeg', buffer: big });
    await expect
      .poll(() => page.locator('.statusbar').textContent(), { timeout: 120_000 })
      .toContain(`${width}×${height}`);
    await settledColouring(page, start);
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`51 MP open: longest main-thread task ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(1500);
    expect(await hintCount(page)).toBe(0);
  });

  it('narrow screen layout', async () => {
    const narrow = await editor.newPage({ viewport: { width: 390, height: 844 } });
    await narrow.goto(`${editor.url}/?backend=wasm`);
    await narrow.getByTestId('backend').waitFor({ timeout: 120_000 });
    await settledColouring(narrow, 0);
    await narrow.screenshot({ path: `${SHOTS}/narrow.png` });
    await narrow.close();
  });
});
