import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProject } from '../../src/core/project/projectFile';
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

const PORT = 4202;
const editor = withEditor(PORT);
let page: Page;
let photoA: { name: string; mimeType: string; buffer: Buffer };
let photoB: { name: string; mimeType: string; buffer: Buffer };

beforeAll(async () => {
  page = await editor.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  photoA = { name: 'a.png', mimeType: 'image/png', buffer: await greyPng(320, 240, 90) };
  photoB = { name: 'b.png', mimeType: 'image/png', buffer: await greyPng(240, 320, 170) };
});

/** Opens a file through Open… and waits until it is on screen and coloured. */
async function openAndSettle(file: { name: string; mimeType: string; buffer: Buffer }) {
  const start = await runs(page);
  await openPhoto(page, file);
  await expect
    .poll(() => page.locator('.file-name').textContent(), { timeout: 60_000 })
    .toBe(file.name);
  await settledColouring(page, start);
}

/** Clicks point hints at source pixels (distinct places, so no click selects an earlier one). */
async function addPoints(points: [number, number][]) {
  for (const [x, y] of points) {
    const at = await toScreen(page, x, y);
    const before = await hintCount(page);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => hintCount(page)).toBe(before + 1);
  }
}

const library = () => page.locator('details.library');
const items = () => page.getByTestId('library-item');

/** Opens the library panel and switches to the photo called `name`. */
async function switchTo(name: string) {
  if ((await library().getAttribute('open')) === null) await library().locator('summary').click();
  const start = await runs(page);
  // Click to the photo's name on screen (photo and hints are shown in the same render); logged
  // for the record, not asserted: the machine's speed is not the behaviour under test.
  const ms = await page.evaluate(
    (photo) =>
      new Promise<number>((resolve) => {
        const label = `Open ${photo} from the library`;
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.getAttribute('aria-label') === label,
        );
        const shown = document.querySelector('.file-name');
        if (!button || !shown) throw new Error(`no button "${label}"`);
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (shown.textContent !== photo) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(shown, { childList: true, characterData: true, subtree: true });
        button.click();
      }),
    name,
  );
  console.log(`switch to ${name}: ${ms.toFixed(0)} ms to show photo and hints`);
  await settledColouring(page, start);
}

/** Writes an autosave as the one-photo versions did (idb-keyval: database tintype, store autosave). */
async function seedLegacyAutosave(p: Page, png: Buffer, sessionJson: string) {
  await p.evaluate(
    async ({ bytes, json }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tintype');
        open.onupgradeneeded = () => open.result.createObjectStore('autosave');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('autosave', 'readwrite');
      const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
      tx.objectStore('autosave').put({ id: 'old-1', name: 'old.png', blob }, 'photo');
      tx.objectStore('autosave').put({ photoId: 'old-1', json }, 'session');
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { bytes: [...png], json: sessionJson },
  );
}

describe('photo library', () => {
  it('an autosave from the one-photo versions opens with its hints and joins the library', async () => {
    const old = await editor.newPage({ viewport: { width: 1200, height: 800 } });
    await old.goto(`${editor.url}/?backend=wasm&demo=none.jpg`); // an origin to write into
    const session = {
      format: 'tintype-session',
      version: 2,
      image: { width: 320, height: 240, name: 'old' },
      hints: [
        { kind: 'point', x: 40, y: 40, size: 8, ab: [20, 30] },
        { kind: 'point', x: 200, y: 100, size: 8, ab: [-20, 10] },
        { kind: 'point', x: 100, y: 200, size: 8, ab: [5, -30] },
      ],
      global: { saturation: null, palette: null },
      vividness: 0.5,
    };
    await seedLegacyAutosave(old, await greyPng(320, 240, 120), JSON.stringify(session));
    await old.goto(`${editor.url}/?backend=wasm`);
    await expect
      .poll(() => old.locator('.file-name').textContent(), { timeout: 60_000 })
      .toBe('old.png');
    await expect.poll(() => hintCount(old), { timeout: 60_000 }).toBe(3);
    await expect.poll(() => old.getByTestId('library-item').count()).toBe(1);
    await old.close();
  });

  it('opening photo B keeps photo A’s hints; opening A again brings them back', async () => {
    await openEditor(page, editor.url);
    await openAndSettle(photoA);
    await addPoints([
      [60, 60],
      [250, 180],
    ]);
    await openAndSettle(photoB);
    expect(await hintCount(page)).toBe(0);
    await addPoints([
      [50, 50],
      [180, 100],
      [120, 280],
    ]);
    // The same file again: the library finds it and its hints are still there.
    await openAndSettle(photoA);
    expect(await hintCount(page)).toBe(2);
  });

  it('switches between photos in the library panel and survives a reload', async () => {
    await switchTo('b.png');
    expect(await hintCount(page)).toBe(3);
    await switchTo('a.png');
    expect(await hintCount(page)).toBe(2);
    await switchTo('b.png');
    await addPoints([[200, 300]]);
    // The library's count follows the stored entry (it changes once the write has committed):
    // reload only then, as the page cannot finish an IndexedDB write it is torn down during.
    await expect
      .poll(() => items().filter({ hasText: 'b.png' }).locator('.library-hints').textContent())
      .toBe('4 hints');
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.locator('.file-name').textContent(), { timeout: 60_000 })
      .toBe('b.png');
    await expect.poll(() => hintCount(page), { timeout: 60_000 }).toBe(4);
    await settledColouring(page, 0);
    await switchTo('a.png');
    expect(await hintCount(page)).toBe(2);
    await expect.poll(() => library().locator('summary').textContent()).toMatch(/3/); // demo, a, b
    await expect.poll(() => page.getByTestId('storage-status').textContent()).toMatch(/MB|kB/);
  });

  it('saves the current photo as a project file and opens it again as a new library photo', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Save project file/ }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('a.tintype');
    const bytes = readFileSync(await saved.path());
    const project = readProject(bytes, 'a.tintype');
    expect(Buffer.from(project.photo.bytes).equals(photoA.buffer)).toBe(true);
    expect(project.session.hints).toHaveLength(2);

    await switchTo('b.png');
    const start = await runs(page);
    await openPhoto(page, {
      name: 'moved.tintype',
      mimeType: 'application/octet-stream',
      buffer: bytes,
    });
    await expect.poll(() => hintCount(page), { timeout: 60_000 }).toBe(2);
    await settledColouring(page, start);
    expect(await page.locator('.file-name').textContent()).toBe('a.png');
    await expect.poll(() => items().count()).toBe(4);
  });

  it('a damaged project file is refused with one message and the work stays', async () => {
    const before = await hintCount(page);
    await openPhoto(page, {
      name: 'broken.tintype',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK\u0003\u0004 not really a zip'),
    });
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/broken\.tintype: damaged or truncated/);
    expect(await hintCount(page)).toBe(before);
    await expect.poll(() => items().count()).toBe(4);
  });

  it('a full disk is said plainly: the photo opens unsaved, and leaving it with hints is refused', async () => {
    const full = await editor.newPage({ viewport: { width: 1200, height: 800 } });
    // Every photo write fails as a full disk does, once the flag is set.
    await full.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if ((window as unknown as { diskFull?: boolean }).diskFull && this.name === 'photos')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args as Parameters<typeof put>);
      };
    });
    await openEditor(full, editor.url);
    await full.evaluate(() => {
      (window as unknown as { diskFull: boolean }).diskFull = true;
    });
    const start = await runs(full);
    await openPhoto(full, photoA);
    await expect
      .poll(() => full.locator('.file-name').textContent(), { timeout: 60_000 })
      .toBe('a.png');
    await expect
      .poll(() => full.getByTestId('notice').textContent())
      .toMatch(/^Browser storage is full: “a\.png” is open but not kept in the library/);
    await settledColouring(full, start);
    const at = await toScreen(full, 100, 100);
    await full.mouse.click(at.x, at.y);
    await expect.poll(() => hintCount(full)).toBe(1);
    await full.locator('details.library summary').click();
    await full
      .getByRole('button', { name: /^Open .* from the library$/ })
      .first()
      .click();
    await expect
      .poll(() => full.getByTestId('notice').textContent())
      .toMatch(
        /is not kept in the library, so leaving it would lose its hints: save a project file first/,
      );
    expect(await full.locator('.file-name').textContent()).toBe('a.png');
    expect(await hintCount(full)).toBe(1);
    await full.close();
  });

  it('delete asks first; cancelling keeps the photo, confirming removes it', async () => {
    if ((await library().getAttribute('open')) === null) await library().locator('summary').click();
    const remove = page.getByRole('button', { name: 'Delete b.png from the library' });
    page.once('dialog', (d) => {
      expect(d.message()).toMatch(/b\.png.*4 hints/);
      void d.dismiss();
    });
    await remove.click();
    await expect.poll(() => items().count()).toBe(4);
    page.once('dialog', (d) => void d.accept());
    await remove.click();
    await expect.poll(() => items().count()).toBe(3);
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 120_000 });
    await library().locator('summary').click();
    await expect.poll(() => items().count(), { timeout: 60_000 }).toBe(3);
    expect(await page.getByRole('button', { name: 'Open b.png from the library' }).count()).toBe(0);
  });
});
