// The console is a static bundle (admin/dist) served by the API process at `/` (api/src/console.ts).
// In development, `pnpm dev` serves it here and forwards the API's paths to a running `pnpm start`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/files': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin and MUI make one large vendor chunk; charts are split off (lazy).
    chunkSizeWarningLimit: 2500,
  },
});
