// Migration SQL comes from Prisma's schema engine diffing two datamodels: the one the
// migrations already build (kept in migrations/migrated.prisma, written only by
// `db:migration`) and schema.prisma. The WebAssembly engine cannot read a live schema
// through the driver adapter here, so it never diffs from a database or a migrations folder.
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir, schemaPath } from '../src/paths.ts';
import { openSchemaEngine } from './engine.ts';

const noFilter = { externalTables: [], externalEnums: [] };

export const migratedDatamodelPath = path.join(migrationsDir, 'migrated.prisma');

/** SQL from `from` (null: an empty database) to `to`; '' when there is nothing to do. */
export async function diffDatamodels(url: string, from: string | null, to: string): Promise<string> {
  const { engine, free } = await openSchemaEngine(url, to, schemaPath);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'migrated.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: to }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const script = result.stdout ?? '';
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(script) ? '' : script;
  } finally {
    free();
  }
}

export function readMigratedDatamodel(): string | null {
  return fs.existsSync(migratedDatamodelPath) ? fs.readFileSync(migratedDatamodelPath, 'utf8') : null;
}
