/**
 * Drives the editor's per-stroke path in a Playwright page (worker, preview composition,
 * canvas update) and times it from the page's own clock. A colouring is "shown" when the
 * status bar's run counter (data-runs, bumped in the same React commit as the new colour
 * canvas) changes; the time is taken in the next animation frame, after Konva has drawn.
 */
import type { Page } from 'playwright-core';
import { median } from './timing';

type Point = { x: number; y: number };

/** Screen position of a source pixel, from the view transform the canvas publishes. */
export async function toScreen(page: Page, x: number, y: number): Promise<Point> {
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the editor canvas has no box');
  const attr = async (name: string) => Number(await canvas.getAttribute(name));
  const scale = await attr('data-scale');
  return {
    x: box.x + (await attr('data-offset-x')) + x * scale,
    y: box.y + (await attr('data-offset-y')) + y * scale,
  };
}

/** Waits until no colorize run is in flight and none starts for `quietMs`. */
export async function waitIdle(page: Page, quietMs = 400, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > until)
      throw new Error(`the editor was still colorizing after ${timeoutMs} ms`);
    if ((await page.getByTestId('colorizing').count()) > 0) quietSince = Date.now();
    await page.waitForTimeout(50);
  }
}

/** A click whose colouring has not been drawn by then fails the row instead of hanging it. */
const CLICK_TIMEOUT_MS = 120_000;

/** In the page: resolves with the ms from the next pointerup to the next colouring drawn
 * (NaN after `timeoutMs`). */
function armClickProbe(timeoutMs: number): void {
  const w = window as unknown as { clickLatency?: Promise<number> };
  w.clickLatency = new Promise((resolve) => {
    setTimeout(() => resolve(Number.NaN), timeoutMs);
    const counter = document.querySelector('[data-testid="inference-ms"]');
    if (!counter) throw new Error('no run counter');
    let upAt: number | null = null;
    window.addEventListener('pointerup', () => (upAt = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      if (upAt === null) return;
      const from = upAt;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - from));
    });
    observer.observe(counter, { attributes: true, attributeFilter: ['data-runs'] });
  });
}

/**
 * Clicks `count` points (point tool) spread over the photo, waiting for the editor to be idle
 * before each; returns every pointer-up → canvas-updated time.
 */
export async function timeClicks(
  page: Page,
  photo: { width: number; height: number },
  count: number,
): Promise<number[]> {
  await page.keyboard.press('p');
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    await waitIdle(page);
    const fx = 0.15 + 0.7 * ((i * 0.618) % 1);
    const fy = 0.15 + 0.7 * ((i * 0.382 + 0.5) % 1);
    const at = await toScreen(page, fx * photo.width, fy * photo.height);
    await page.evaluate(armClickProbe, CLICK_TIMEOUT_MS);
    await page.mouse.click(at.x, at.y);
    const ms = await page.evaluate(
      () => (window as unknown as { clickLatency: Promise<number> }).clickLatency,
    );
    if (Number.isNaN(ms))
      throw new Error(`click ${i + 1}: no colouring within ${CLICK_TIMEOUT_MS / 1000} s`);
    samples.push(ms);
  }
  return samples;
}

/** In the page: records when each colouring is drawn until `stopPaintProbe` is called. */
function armPaintProbe(): void {
  const w = window as unknown as { paintShown?: number[]; stopPaintProbe?: () => void };
  const shown: number[] = [];
  w.paintShown = shown;
  const counter = document.querySelector('[data-testid="inference-ms"]');
  if (!counter) throw new Error('no run counter');
  const observer = new MutationObserver(() =>
    requestAnimationFrame(() => shown.push(performance.now())),
  );
  observer.observe(counter, { attributes: true, attributeFilter: ['data-runs'] });
  w.stopPaintProbe = () => observer.disconnect();
}

export interface PaintResult {
  /** Colourings drawn while the pointer was down, per second of painting. */
  updatesPerSecond: number;
  /** Median gap between consecutive colourings drawn during the stroke, ms. */
  medianGapMs: number | null;
  seconds: number;
  /** The size the colourings drawn during the stroke were composed at. */
  previewSize: string | null;
}

/** Paints one brush stroke for `seconds`, one pointer move per ~16 ms, in a zigzag. */
export async function timePainting(
  page: Page,
  photo: { width: number; height: number },
  seconds: number,
): Promise<PaintResult> {
  await page.keyboard.press('b');
  await waitIdle(page);
  const start = await toScreen(page, 0.1 * photo.width, 0.5 * photo.height);
  const end = await toScreen(page, 0.9 * photo.width, 0.5 * photo.height);
  const amplitude = Math.abs(end.x - start.x) * 0.15;
  await page.mouse.move(start.x, start.y);
  await page.evaluate(armPaintProbe);
  const t0 = await page.evaluate(() => performance.now());
  await page.mouse.down();
  for (let i = 0; ; i++) {
    const now = await page.evaluate(() => performance.now());
    if (now - t0 >= seconds * 1000) break;
    const f = ((now - t0) / (seconds * 1000)) % 1;
    await page.mouse.move(start.x + (end.x - start.x) * f, start.y + amplitude * Math.sin(i / 6));
    await page.waitForTimeout(16);
  }
  const previewSize = await page.getByTestId('canvas').getAttribute('data-preview-size');
  await page.mouse.up();
  const t1 = await page.evaluate(() => performance.now());
  const shown = await page.evaluate(() => {
    const w = window as unknown as { paintShown: number[]; stopPaintProbe: () => void };
    w.stopPaintProbe();
    return w.paintShown;
  });
  const during = shown.filter((t) => t > t0 && t <= t1);
  const gaps = during.slice(1).map((t, i) => t - during[i]);
  return {
    updatesPerSecond: during.length / ((t1 - t0) / 1000),
    medianGapMs: gaps.length > 0 ? median(gaps) : null,
    seconds: (t1 - t0) / 1000,
    previewSize,
  };
}
