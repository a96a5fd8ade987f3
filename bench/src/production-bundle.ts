// `--production`: the bench's API process compiled as `pnpm start:prod` runs the API — by
// esbuild with api/build.ts's own settings (`bundleOptions`) into bench/dist/api-server.mjs,
// for plain `node` to run, no tsx. The bundle's external packages (argon2, pino, PGlite,
// pdfkit) are resolved at run time from api/node_modules, as api/dist/main.mjs resolves them:
// bench/dist/node_modules is a link to it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../../api/build.ts';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(benchDir, 'dist');

/** Builds bench/dist/api-server.mjs from src/api-server.ts; returns its path. */
export async function buildProductionApiServer(): Promise<string> {
  await buildBundle({ 'api-server': path.join(benchDir, 'src/api-server.ts') }, outdir);
  const modules = path.join(outdir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.relative(outdir, path.join(benchDir, '../api/node_modules')), modules, 'dir');
  return path.join(outdir, 'api-server.mjs');
}

/**
 * The node options `pnpm start:prod` (the root package.json) gives the API: whatever stands
 * between `node` and `api/dist/main.mjs`, so that the bench runs the bundle as production does.
 */
export function productionNodeArgs(): string[] {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(benchDir, '../package.json'), 'utf8')) as { scripts: Record<string, string> };
  const script = rootPackage.scripts['start:prod'] ?? '';
  const match = /\bnode((?:\s+-\S+)*)\s+api\/dist\/main\.mjs/.exec(script);
  if (!match) throw new Error(`start:prod does not run \`node … api/dist/main.mjs\`: ${script}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}
