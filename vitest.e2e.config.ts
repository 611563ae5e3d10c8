import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core + Debian chromium) against `vite build` +
// `vite preview`, started by the test itself. Run: npx vitest run -c vitest.e2e.config.ts
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // SwiftShader / WASM inference is slow and the build takes a while on 2 cores.
    testTimeout: 240_000,
    hookTimeout: 400_000,
    fileParallelism: false,
  },
});
