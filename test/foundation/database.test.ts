import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { DatabaseUnreachable, openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { prismaDir } from '@tepei/db/paths';

describe('choosing the database', () => {
  it('fails fast on an unreachable DATABASE_URL, naming host and port', async () => {
    const started = Date.now();
    const attempt = openDatabase({ url: 'postgresql://postgres@127.0.0.1:1/tepei' });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnreachable);
    await expect(attempt).rejects.toThrow('127.0.0.1:1');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('db:migrate reports an unreachable server in one line, without a stack trace', () => {
    const result = spawnSync('pnpm', ['exec', 'tsx', 'tooling/migrate-cli.ts'], {
      cwd: prismaDir,
      env: { ...process.env, DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/tepei' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('127.0.0.1:1');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('keeps the embedded database between two starts on the same folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-data-'));
    try {
      const first = await openDatabase({ url: '', dataDir });
      expect(await migrate(first.url)).not.toEqual([]);
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query(`insert into "Area" (id, code, name, kind) values (gen_random_uuid(), 'T1', '测试地区', 'PREFECTURE')`);
      await client.end();
      await first.close();

      const second = await openDatabase({ url: '', dataDir });
      try {
        expect(await migrate(second.url)).toEqual([]);
        const again = new pg.Client({ connectionString: second.url });
        await again.connect();
        const { rows } = await again.query(`select name from "Area" where code = 'T1'`);
        await again.end();
        expect(rows).toEqual([{ name: '测试地区' }]);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a second process on an embedded folder that is in use', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-data-'));
    const holder = await openDatabase({ url: '', dataDir });
    try {
      const result = spawnSync('pnpm', ['exec', 'tsx', 'tooling/migrate-cli.ts'], {
        cwd: prismaDir,
        env: { ...process.env, DATABASE_URL: '', TEPEI_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(String(process.pid));
    } finally {
      await holder.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
