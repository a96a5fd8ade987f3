// Runs before any test file: what the machine must have for the whole suite is installed
// here, not by each file as it starts (parallel apt-get runs lose each other's dpkg lock), and
// the database every file copies is migrated and seeded here once (database-templates.ts).
import type { TestProject } from 'vitest/node';
import { buildDatabaseTemplates } from './database-templates.ts';
import { ensureDebianPackages, missingDebianPackages } from './debian-packages.ts';

/**
 * Each project of vitest.config.ts runs this, at the same time; the templates are built once for
 * all of them (the schema engine's WebAssembly cannot migrate two databases at once in one
 * process, and once is all the suite needs), and removed when the last project is done.
 */
const run = globalThis as { tepeiTemplates?: ReturnType<typeof buildTemplatesOnce>; tepeiTemplateUsers?: number };

async function buildTemplatesOnce() {
  ensureDebianPackages(missingDebianPackages(), '浏览器测试、表格渲染检查与 nginx 部署测试');
  return buildDatabaseTemplates();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  run.tepeiTemplates ??= buildTemplatesOnce();
  run.tepeiTemplateUsers = (run.tepeiTemplateUsers ?? 0) + 1;
  const { templates, remove } = await run.tepeiTemplates;
  project.provide('databaseTemplates', templates);
  return async () => {
    run.tepeiTemplateUsers! -= 1;
    if (run.tepeiTemplateUsers === 0) await remove();
  };
}
