import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEditor } from './editorHarness';
import {
  greyPng,
  hintCount,
  openEditor,
  openPhoto,
  runs,
  settledColouring,
  toScreen,
} from './pageHelpers';

// A reload or closed tab right after a change must not lose it, even when the library's
// IndexedDB write of that change never commits (the page is torn down first).
const PORT = 4213;
const editor = withEditor(PORT);
let page: Page;

beforeAll(async () => {
  page = await editor.newPage({ viewport: { width: 1440, height: 900 } });
  // While `tearDownWrites` is set, every session write to the library's entries is aborted
  // after it was issued: what a reload does to a write that has not committed yet. The flag
  // lives on the page, so the reloaded page writes normally.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args as Parameters<typeof put>);
      if (
        (window as unknown as { tearDownWrites?: boolean }).tearDownWrites &&
        this.name === 'entries'
      )
        this.transaction.abort();
      return request;
    };
  });
});

/** Adds a point hint at a source pixel and waits until the counter shows it. */
async function addPoint(x: number, y: number) {
  const before = await hintCount(page);
  const at = await toScreen(page, x, y);
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => hintCount(page)).toBe(before + 1);
}

async function reloadAndWait() {
  await page.reload();
  await page.getByTestId('backend').waitFor({ timeout: 120_000 });
  await expect
    .poll(() => page.locator('.file-name').textContent(), { timeout: 60_000 })
    .toBe('r.png');
}

describe('a reload right after a change', () => {
  it('keeps a hint whose library write never committed', async () => {
    await openEditor(page, editor.url);
    const start = await runs(page);
    await openPhoto(page, {
      name: 'r.png',
      mimeType: 'image/png',
      buffer: await greyPng(320, 240),
    });
    await expect
      .poll(() => page.locator('.file-name').textContent(), { timeout: 60_000 })
      .toBe('r.png');
    await settledColouring(page, start);
    await addPoint(60, 60);
    // The first point's write commits; the library shows it.
    await expect
      .poll(() => page.getByTestId('library-item').filter({ hasText: 'r.png' }).textContent())
      .toMatch(/1 hint/);

    await page.evaluate(() => {
      (window as unknown as { tearDownWrites: boolean }).tearDownWrites = true;
    });
    await addPoint(200, 150);
    await reloadAndWait();
    await expect.poll(() => hintCount(page), { timeout: 60_000 }).toBe(2);
  });

  it('keeps a hint added just before an immediate reload', async () => {
    await settledColouring(page, 0);
    await addPoint(250, 60);
    await reloadAndWait(); // no wait for the library's write
    await expect.poll(() => hintCount(page), { timeout: 60_000 }).toBe(3);
    // And the replayed change is in the library itself, not only on screen.
    await expect
      .poll(() => page.getByTestId('library-item').filter({ hasText: 'r.png' }).textContent())
      .toMatch(/3 hints/);
  });
});
