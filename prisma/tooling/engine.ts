// Prisma's own schema engine, in its official WebAssembly build. The CLI would download the
// native engine from a CDN; the WebAssembly one ships in an npm package and speaks to the
// database through the same driver adapter as the client.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm';

export type SchemaEngine = SchemaEngineType;

type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let engineModule: Promise<EngineModule> | undefined;

/** Node cannot import .wasm as an ES module: instantiate it by hand, once per process. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule;
    const bytes = fs.readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

export interface EngineSession {
  engine: SchemaEngine;
  free(): void;
}

/** How many engines this process opened (a test checks that an up-to-date database needs none). */
export const schemaEngineUse = { opened: 0 };

/** An engine bound to the database at `url`, with `datamodel` as its schema. */
export async function openSchemaEngine(url: string, datamodel: string, schemaFile: string): Promise<EngineSession> {
  const { SchemaEngine } = await loadEngineModule();
  schemaEngineUse.opened += 1;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url, max: 1 }));
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: [[schemaFile, datamodel]] }, (log: string) => logs.push(log), adapter);
  return { engine, free: () => engine.free() };
}
