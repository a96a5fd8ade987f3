// `pnpm --filter @tepei/api build`: api/src/main.ts and the commands an operator runs, compiled
// with what they import from this workspace into api/dist/*.js, for `node` to run without tsx.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const apiDir = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(apiDir, 'dist');

/**
 * Packages loaded from node_modules at run time rather than bundled: a native addon, and those
 * that read files next to their own code (PGlite's WebAssembly and data, pdfkit's font metrics)
 * or start workers from files of their own (pino's transports).
 */
const external = ['@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'pdfkit', 'pino'];

/**
 * Our modules find files by their own location (the migrations, admin/dist, schema.graphql, the
 * Prisma client's runtime): in the bundle each `import.meta.url` still names its source file,
 * relative to the bundle, so the bundle runs from api/dist inside the checked-out repository.
 */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

await build({
  entryPoints: { main: path.join(apiDir, 'src/main.ts'), 'admin-create': path.join(apiDir, 'src/admin-create-cli.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS packages still call require() for node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  external,
  plugins: [sourceLocations],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
console.log(`built ${path.relative(process.cwd(), outdir)}/main.mjs`);
