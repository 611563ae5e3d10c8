import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startPreview } from './server';

export interface EditorHarness {
  /** Where the built editor is served, e.g. http://localhost:4202. */
  readonly url: string;
  readonly browser: Browser;
  /** A new page (1200×800 unless `options` say otherwise) that logs uncaught page errors. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The setup every e2e file shares: before its tests, the app built and served on `port` (each
 * file its own port, so a file never meets another's server) and one headless Chromium; after
 * them, both closed. Call at the top level of the file; the fields are there once its tests run.
 */
export function withEditor(
  port: number,
  options: { mode?: 'production' | 'development' } = {},
): EditorHarness {
  let server: { url: string; stop: () => void } | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    server = await startPreview(port, options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error(`withEditor(${port}): used before its beforeAll ran`);
    return { server, browser };
  };
  return {
    get url() {
      return started().server.url;
    },
    get browser() {
      return started().browser;
    },
    async newPage(pageOptions = {}) {
      const page = await started().browser.newPage({
        viewport: { width: 1200, height: 800 },
        ...pageOptions,
      });
      page.on('pageerror', (e) => console.error('pageerror', e.message));
      return page;
    },
  };
}
