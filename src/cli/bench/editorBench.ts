/**
 * The editor's per-stroke rows of `npm run bench`: the production build (`vite build` into a
 * temporary folder, served by `vite preview`, so edits to the tree cannot reload the page) in
 * headless Chromium, on a synthetic 12-MP photo opened through the editor's Open input.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { build, preview } from 'vite';
import { errorMessage } from '../errors';
import { CHROMIUM, CHROMIUM_ARGS } from './browserBench';
import { timeClicks, timePainting, waitIdle } from './editorStrokes';
import type { EditorRow } from './report';
import { median, syntheticL } from './timing';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EDITOR_PHOTO = { width: 4000, height: 3000 };

/** A 12-MP grey JPEG: gradients, edges and fine texture, so every stage does real work. */
async function syntheticPhoto(): Promise<Buffer> {
  const { width, height } = EDITOR_PHOTO;
  const L = syntheticL(width, height);
  const grey = Buffer.alloc(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(2.2 * L[i] + ((i * 7919) % 13));
  return sharp(grey, { raw: { width, height, channels: 1 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export interface EditorBenchOptions {
  clicks: number;
  paintSeconds: number;
}

export async function benchEditor(
  backends: string[],
  opts: EditorBenchOptions,
  progress: (line: string) => void,
  timeoutMs: number,
): Promise<{ rows: EditorRow[]; skipped: string[] }> {
  const outDir = await mkdtemp(join(os.tmpdir(), 'tintype-bench-'));
  const result: { rows: EditorRow[]; skipped: string[] } = { rows: [], skipped: [] };
  try {
    progress('editor: vite build …');
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root: ROOT,
      logLevel: 'error',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', open: false },
    });
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    const photo = await syntheticPhoto();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      for (const backend of backends) {
        progress(`editor/${backend} …`);
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        page.setDefaultTimeout(timeoutMs);
        try {
          result.rows.push(await benchOneBackend(page, url, backend, photo, opts, progress));
        } catch (error) {
          result.skipped.push(`editor/${backend}: ${errorMessage(error)}`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return result;
}

async function benchOneBackend(
  page: import('playwright-core').Page,
  url: string,
  backend: string,
  photo: Buffer,
  opts: EditorBenchOptions,
  progress: (line: string) => void,
): Promise<EditorRow> {
  await page.goto(`${url}/?backend=${backend}`);
  const label = page.getByTestId('backend');
  await label.waitFor();
  const shown = (await label.textContent()) ?? '';
  if (!shown.toLowerCase().includes(backend)) throw new Error(`the editor runs ${shown}`);
  const counter = page.getByTestId('inference-ms');
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="inference-ms"]')?.getAttribute('data-runs')) > 0,
  );
  const before = Number(await counter.getAttribute('data-runs'));
  await page.getByTestId('open-input').setInputFiles({
    name: 'synthetic-12mp.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  await page.locator('.file-name', { hasText: 'synthetic-12mp.jpg' }).waitFor();
  // The new photo's first colouring (and the warm-up of its caches) is not timed.
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid="inference-ms"]')?.getAttribute('data-runs')) > n,
    before,
  );
  await waitIdle(page, 1000);
  progress(`editor/${backend}: ${opts.clicks} clicks …`);
  const clicks = await timeClicks(page, EDITOR_PHOTO, opts.clicks);
  await waitIdle(page);
  const preview = await page.getByTestId('canvas').getAttribute('data-preview-size');
  progress(`editor/${backend}: painting for ${opts.paintSeconds} s …`);
  const paint = await timePainting(page, EDITOR_PHOTO, opts.paintSeconds);
  return {
    backend,
    photo: `${EDITOR_PHOTO.width}×${EDITOR_PHOTO.height}`,
    clickMs: median(clicks),
    clickMaxMs: Math.max(...clicks),
    clicks: clicks.length,
    paintUpdatesPerSecond: paint.updatesPerSecond,
    paintMedianGapMs: paint.medianGapMs,
    paintSeconds: paint.seconds,
    previewSize: preview ?? null,
    paintPreviewSize: paint.previewSize,
  };
}
