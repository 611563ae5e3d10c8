import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The editor is a static single-page app: no server, no upload. The colorizer runs in a
// module worker (see src/colorizer/worker), so workers are bundled as ES modules.
export default defineConfig({
  plugins: [
    react(),
    // Offline after the first visit: a Workbox service worker precaches the built app, the
    // TF.js WASM binaries (emitted as assets), the model (public/models) and the demo photos,
    // so a reload without a network opens the editor and colorizes. `autoUpdate`: a new build's
    // worker takes over on the next visit and the page reloads once onto it. The dev server
    // registers no worker (devOptions off), so `npm run dev` never serves a stale cache.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      // The glob below already precaches the icons.
      includeManifestIcons: false,
      manifest: {
        name: 'Tintype — guided photo colorization',
        short_name: 'Tintype',
        description: 'Colorize black-and-white photographs with a few colour hints, offline.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#16171a',
        theme_color: '#16171a',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,json,bin,jpg,png,svg,webmanifest}'],
        // The model shard (~3 MB) and the WASM binaries exceed Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // Source maps are for debugging online; they would double the download.
        globIgnores: ['**/*.map'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
