// `pnpm --filter @tepei/api build`: api/src/main.ts and the commands an operator runs, compiled
// with what they import from this workspace into api/dist/*.js, for `node` to run without tsx.
// `bundleOptions` is exported so that `pnpm bench -- --production` compiles its API process
// with exactly these settings.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const apiDir = path.dirname(fileURLToPath(import.meta.url));
const apiOutdir = path.join(apiDir, 'dist');

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
const sourceLocations = (outdir: string): Plugin => ({
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
});

/**
 * The production bundle's settings for entry points compiled into `outdir`. The externals are
 * resolved from `outdir` at run time, so it must see api/node_modules (api/dist does).
 */
export function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions {
  return {
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS packages still call require() for node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    external,
    plugins: [sourceLocations(outdir)],
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
}

/** Compiles `entryPoints` into `outdir` as the production bundle is compiled. */
export async function buildBundle(entryPoints: Record<string, string>, outdir: string): Promise<void> {
  await build(bundleOptions(entryPoints, outdir));
}

// Run as a script (`tsx build.ts`), not imported by the bench.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildBundle({ main: path.join(apiDir, 'src/main.ts'), 'admin-create': path.join(apiDir, 'src/admin-create-cli.ts') }, apiOutdir);
  console.log(`built ${path.relative(process.cwd(), apiOutdir)}/main.mjs`);
}
