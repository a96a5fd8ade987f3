// The path of the Node 22 binary the npm package `node` installed (by its install script,
// allowed in pnpm-workspace.yaml).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const node22Path = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
