// The console is a static bundle (admin/dist) served by the API process at `/` (api/src/console.ts).
// In development, `pnpm dev` serves it here and forwards the API's paths to a running `pnpm start`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiIntrospection } from './apiIntrospection.ts';
import { precompress } from './precompress.ts';

const api = 'http://localhost:4000';

/**
 * Libraries the sign-in page needs whole, in chunks of their own: a new release of the console
 * leaves them cached. MUI and react-admin are not grouped: most of their components serve only
 * the lazy pages (common/lazyView.ts) and load with them; the charts are lazier still.
 */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'graphql', test: /node_modules[\\/](graphql|@apollo|@wry|optimism|graphql-tag)[\\/]/ },
];

export default defineConfig({
  plugins: [react(), apiIntrospection(), precompress()],
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/files': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
  },
});
