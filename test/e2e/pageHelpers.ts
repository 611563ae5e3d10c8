import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';

/** How many colourings the editor has shown so far (published on the inference readout). */
export async function runs(p: Page): Promise<number> {
  return Number(await p.getByTestId('inference-ms').getAttribute('data-runs'));
}

/** Waits until a new colouring has been shown and no further one follows for `quietMs`. */
export async function settledColouring(p: Page, after: number, quietMs = 2500): Promise<number> {
  const counter = p.getByTestId('inference-ms');
  await expect
    .poll(async () => Number(await counter.getAttribute('data-runs')), { timeout: 120_000 })
    .toBeGreaterThan(after);
  let last = -1;
  for (;;) {
    const now = Number(await counter.getAttribute('data-runs'));
    if (now === last) return now;
    last = now;
    await p.waitForTimeout(quietMs);
  }
}

/** Screen position of a source-image pixel, from the view transform the canvas publishes. */
export async function toScreen(p: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = p.getByTestId('canvas');
  const box = await canvas.boundingBox();
  const scale = Number(await canvas.getAttribute('data-scale'));
  const ox = Number(await canvas.getAttribute('data-offset-x'));
  const oy = Number(await canvas.getAttribute('data-offset-y'));
  if (!box) throw new Error('canvas has no box');
  return { x: box.x + ox + x * scale, y: box.y + oy + y * scale };
}

/** Mean RGB of a screen square (hints hidden by the caller). */
export async function meanRgb(p: Page, at: { x: number; y: number }, half = 12): Promise<number[]> {
  const png = await p.screenshot({
    clip: { x: at.x - half, y: at.y - half, width: 2 * half, height: 2 * half },
  });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 3) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
  return sum.map((s) => s / (info.width * info.height));
}

/** The number the status bar's hint counter shows. */
export async function hintCount(p: Page): Promise<number> {
  const text = (await p.getByTestId('hint-count').textContent()) ?? '';
  return Number(/^(\d+) hints?$/.exec(text)?.[1]);
}

/** Opens the editor on the demo photo with the WASM backend and waits for its first colouring. */
export async function openEditor(p: Page, url: string): Promise<void> {
  await p.goto(`${url}/?backend=wasm`);
  await p.getByTestId('backend').waitFor({ timeout: 120_000 });
  await settledColouring(p, 0);
}

/** Opens a photo through the editor's Open file input (the existing open-photo path). */
export async function openPhoto(
  p: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await p.getByTestId('open-input').setInputFiles(file);
}

/** A flat grey test photo of the given size as PNG bytes. */
export function greyPng(width: number, height: number, level = 128): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: level, g: level, b: level } },
  })
    .png()
    .toBuffer();
}
