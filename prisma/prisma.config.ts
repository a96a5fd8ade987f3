// Prisma CLI settings. Only `prisma generate` is run here: migrations go through the
// WebAssembly schema engine (tooling/engine.ts), since the native one cannot be downloaded.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
