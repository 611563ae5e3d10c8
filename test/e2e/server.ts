import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/** Builds the app once into a temp folder and serves it with `vite preview`. */
export async function startPreview(port: number): Promise<{ url: string; stop: () => void }> {
  const outDir = `/tmp/tintype-e2e-dist-${port}`;
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
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
