import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { errorMessage } from '../errors';
import type { BrowserBenchOptions } from './page/main';
import type { InferenceRow } from './report';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE = '/src/cli/bench/page/index.html';

/** Default SwiftShader WebGL (no --disable-gpu); WebGPU only where Chromium finds an adapter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Per backend: loading the model through a software GPU can take a while. */
const BACKEND_TIMEOUT_MS = 10 * 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface BrowserBenchResult {
  rows: InferenceRow[];
  skipped: string[];
}

/**
 * Serves the bench page with Vite (TypeScript compiled on the fly, public/ holds the model)
 * and runs each backend in a fresh page of headless Chromium. A backend that cannot start is
 * listed as skipped with its reason, as is the whole browser part when Chromium is missing.
 */
export async function benchBrowser(
  backends: ('webgpu' | 'webgl' | 'wasm')[],
  opts: Omit<BrowserBenchOptions, 'backend' | 'modelUrl' | 'wasmPaths'>,
  progress: (line: string) => void = () => {},
  timeoutMs = BACKEND_TIMEOUT_MS,
): Promise<BrowserBenchResult> {
  if (!existsSync(CHROMIUM))
    return { rows: [], skipped: [`browser rows: ${CHROMIUM} is not installed`] };
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    // No watcher, no HMR: edits to the tree mid-run (others at work in it) must not reload
    // the page and destroy a measurement in progress.
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const result: BrowserBenchResult = { rows: [], skipped: [] };
  try {
    for (const backend of backends) {
      const page = await browser.newPage();
      page.setDefaultTimeout(timeoutMs);
      page.on('pageerror', (error) => progress(`chromium/${backend} page error: ${error.message}`));
      progress(`chromium/${backend} …`);
      try {
        await page.goto(new URL(PAGE, base).href);
        await page.waitForFunction(() => (window as { benchReady?: boolean }).benchReady === true);
        const pageOpts: BrowserBenchOptions = {
          ...opts,
          backend,
          modelUrl: '/models/tintype/model.json',
          wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/',
        };
        // page.evaluate has no timeout of its own: a backend that hangs (WebGPU without an
        // adapter, say) must not stall the whole benchmark.
        const row = await withTimeout(
          page.evaluate(
            (o) =>
              (window as unknown as { runBench: (o: unknown) => Promise<InferenceRow> }).runBench(
                o,
              ),
            pageOpts,
          ),
          timeoutMs,
        );
        if (row.backend !== backend)
          result.skipped.push(`chromium/${backend}: fell back to ${row.backend}`);
        else result.rows.push(row);
      } catch (error) {
        result.skipped.push(`chromium/${backend}: ${errorMessage(error)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return result;
}
