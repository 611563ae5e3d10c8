import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/**
 * Builds the app once into a temp folder and serves it with `vite preview`. `mode:
 * 'development'` builds React's development runtime, which reports mistakes such as duplicate
 * list keys on the console (the production runtime stays silent about them).
 */
export async function startPreview(
  port: number,
  options: { mode?: 'production' | 'development' } = {},
): Promise<{ url: string; stop: () => void }> {
  const outDir = `/tmp/tintype-e2e-dist-${port}`;
  const mode = options.mode ?? 'production';
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    // Vite picks React's runtime from NODE_ENV, not from the mode.
    {
      stdio: 'inherit',
      env: mode === 'development' ? { ...process.env, NODE_ENV: mode } : process.env,
    },
  );
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    { stdio: 'pipe', detached: true },
  );
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    // Kill the preview's whole process group (npx → node), only the one we started.
    stop: () => server.pid && process.kill(-server.pid, 'SIGTERM'),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-unsafe-webgpu',
    ],
  });
}
