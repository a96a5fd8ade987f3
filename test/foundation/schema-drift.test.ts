import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate } from '@tepei/db/migrate';
import { diffDatamodels } from '@tepei/db/diff';
import { schemaPath } from '@tepei/db/paths';
import { createEmptyDatabase } from '../support/database.ts';
import { describeCatalog, executeScript } from '../support/catalog.ts';

describe('schema.prisma and the migrations', () => {
  it('describe the same database', async () => {
    const fromMigrations = await createEmptyDatabase();
    const fromDatamodel = await createEmptyDatabase();
    try {
      await migrate(fromMigrations.url);
      const datamodel = fs.readFileSync(schemaPath, 'utf8');
      await executeScript(fromDatamodel.url, await diffDatamodels(fromDatamodel.url, null, datamodel));
      const built = await describeCatalog(fromMigrations.url);
      const wanted = await describeCatalog(fromDatamodel.url);
      expect(built.columns!.length).toBeGreaterThan(100);
      // On failure: run `pnpm db:migration <name>` to write the missing migration.
      expect(built).toEqual(wanted);
    } finally {
      await fromMigrations.close();
      await fromDatamodel.close();
    }
  });
});
