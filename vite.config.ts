import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The editor is a static single-page app: no server, no upload. The colorizer runs in a
// module worker (see src/colorizer/worker), so workers are bundled as ES modules.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
