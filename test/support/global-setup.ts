// Runs once, before any test file: what the machine must have for the whole suite is installed
// here, not by each file as it starts (parallel apt-get runs lose each other's dpkg lock), and
// the database every file copies is migrated and seeded here once (database-templates.ts).
import type { TestProject } from 'vitest/node';
import { buildDatabaseTemplates } from './database-templates.ts';
import { ensureDebianPackages, missingDebianPackages } from './debian-packages.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureDebianPackages(missingDebianPackages(), '浏览器测试、表格渲染检查与 nginx 部署测试');
  const { templates, remove } = await buildDatabaseTemplates();
  project.provide('databaseTemplates', templates);
  return remove;
}
