// `prisma generate` needs no schema engine, but the CLI insists that one exists before it
// starts. The native engine is downloaded from a CDN this project cannot reach, so point the
// CLI at a file that exists: generate only reads the schema and writes the client.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = spawnSync('prisma', ['generate'], {
  cwd: packageDir,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(packageDir, 'package.json'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
