import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built into web/dist, which `hallway serve` serves at `/` (server/platform/http/web-app.routes.ts).
// `npm run dev:web` serves it with hot reload and passes /api to a Hallway started with `npm run dev`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest says which chunks the first page load needs, for the size report (scripts/build-web.mjs).
    manifest: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
