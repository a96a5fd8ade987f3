// `pnpm db:backup` / `pnpm db:restore`: a seeded database with uploaded documents comes back
// row for row and byte for byte in an empty one; a target holding data, a damaged or cut file
// and a backup from newer code are refused without changing anything.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@tepei/api/demo-data';
import { backupDatabase } from '@tepei/db/backup';
import { BackupError, readBackupFile } from '@tepei/db/backup-file';
import type { PrismaClient } from '@tepei/db/client';
import { openDatabase } from '@tepei/db/database';
import { prismaDir } from '@tepei/db/paths';
import { describeDatabase, restoreDatabase } from '@tepei/db/restore';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../support/database.ts';

/** Per table: its row count and the md5 of all its rows' text, in order; sequences and migrations too. */
async function digest(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const result: Record<string, string> = {};
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by 1`,
    );
    for (const { name } of tables) {
      const { rows } = await client.query(`select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from "${name}" t`);
      result[name] = rows[0].digest;
    }
    const { rows: sequences } = await client.query<{ name: string }>(`select sequencename as name from pg_sequences where schemaname = current_schema()`);
    for (const { name } of sequences) {
      const { rows } = await client.query(`select last_value || ' ' || is_called as state from "${name}"`);
      result[`sequence ${name}`] = rows[0].state;
    }
    const { rows: migrations } = await client.query(`select string_agg(migration_name || ' ' || checksum, ', ' order by migration_name) as list from _prisma_migrations`);
    result._prisma_migrations = migrations[0].list;
    return result;
  });
}

/** sha256 of each stored document's bytes, by document id. */
async function documentHashes(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string; sha256: string }>(`select "documentId" as id, encode(sha256(bytes), 'hex') as sha256 from "DocumentContent"`);
    return Object.fromEntries(rows.map((row) => [row.id, row.sha256]));
  });
}

/** Tables of the current schema that hold at least one row (the migrations' table included). */
async function tablesWithRows(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    const filled: string[] = [];
    for (const { name } of tables) if ((await client.query(`select 1 from "${name}" limit 1`)).rows.length) filled.push(name);
    return filled;
  });
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Scans as the API stores them (documents.service.ts): random bytes of awkward sizes (empty,
 * one byte, every byte value, megabytes), and a replaced one that points at its successor.
 */
async function uploadScans(prisma: PrismaClient): Promise<Record<string, string>> {
  const application = await prisma.application.findFirstOrThrow({ where: { status: 'SUBMITTED' }, select: { id: true, unitId: true, roundId: true } });
  const uploader = await prisma.user.findFirstOrThrow({ where: { unitId: application.unitId }, select: { id: true } });
  const contents = [new Uint8Array(0), randomBytes(1), Uint8Array.from({ length: 256 * 4 }, (_, index) => index % 256), randomBytes(3 * 1024 * 1024 + 7), randomBytes(65_537)];
  const hashes: Record<string, string> = {};
  let previous: string | null = null;
  for (const [index, bytes] of contents.entries()) {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const uploadedAt = new Date(Date.UTC(2026, 10, 20, 3, 4, 5, index + 1));
    await prisma.document.create({
      data: {
        id,
        kind: 'FORM4_SCAN',
        applicationId: application.id,
        unitId: application.unitId,
        roundId: application.roundId,
        fileName: `用人单位审核表（第${index + 1}版）.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: bytes.length,
        sha256,
        uploadedById: uploader.id,
        uploadedAt,
        content: { create: { bytes: new Uint8Array(bytes) } },
      },
    });
    if (previous) await prisma.document.update({ where: { id: previous }, data: { supersededAt: uploadedAt, supersededById: id } });
    previous = id;
    hashes[id] = sha256;
  }
  return hashes;
}

const gunzipLines = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');

let source: TestDatabase;
let sourceDigest: Record<string, string>;
let uploaded: Record<string, string>;
let dir: string;
let backupFile: string;

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemoData(source.prisma);
  uploaded = await uploadScans(source.prisma);
  await source.prisma.auditRecord.create({ data: { requestId: 'backup-test', operation: 'backupTest', result: 'SUCCESS', details: { 数量: 2 ** 53 + 1, text: '换行\n"引号"\\' } } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-backup-'));
  backupFile = path.join(dir, 'tepei.backup.gz');
  await backupDatabase(source.url, backupFile);
  sourceDigest = await digest(source.url);
});

afterAll(async () => {
  await source?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty database for one test, closed afterwards. */
async function withEmptyDatabase(use: (url: string) => Promise<void>): Promise<void> {
  const target = await createEmptyDatabase();
  try {
    await use(target.url);
  } finally {
    await target.close();
  }
}

describe('backup and restore', () => {
  it('restores a seeded database with uploaded documents into an empty one: every row, sequence and document byte identical', async () => {
    expect(Number(sourceDigest.Application!.split(' ')[0])).toBeGreaterThan(1000);
    await withEmptyDatabase(async (url) => {
      const summary = await restoreDatabase(url, backupFile);
      expect(summary.migratedAfter).toEqual([]);
      expect(await digest(url)).toEqual(sourceDigest);
      const restored = await documentHashes(url);
      expect(restored).toEqual(await documentHashes(source.url));
      for (const [id, sha256] of Object.entries(uploaded)) expect(restored[id]).toBe(sha256);
    });
  });

  it('refuses a target that holds data, naming it, and with --force wipes it and restores', async () => {
    const refused = restoreDatabase(source.url, backupFile);
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(`目标数据库 ${describeDatabase(source.url)} 不是空的`);
    await expect(refused).rejects.toThrow('--force');
    expect(await digest(source.url)).toEqual(sourceDigest);

    await withEmptyDatabase(async (url) => {
      await withClient(url, (client) => client.query(`create table "Leftover" (id int); insert into "Leftover" values (1)`));
      await expect(restoreDatabase(url, backupFile)).rejects.toThrow('Leftover');
      await restoreDatabase(url, backupFile, { force: true });
      expect(await digest(url)).toEqual(sourceDigest);
    });
  });

  it('refuses a cut-short backup and leaves the target empty', async () => {
    const cut = path.join(dir, 'cut.backup.gz');
    const bytes = fs.readFileSync(backupFile);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await withEmptyDatabase(async (url) => {
      await expect(restoreDatabase(url, cut)).rejects.toThrow(/备份文件 .* 无效或已损坏.*gzip/);
      expect(await tablesWithRows(url)).toEqual([]);
    });
  });

  it('refuses a damaged backup and leaves the target empty', async () => {
    const damaged = path.join(dir, 'damaged.backup.gz');
    const bytes = Buffer.from(fs.readFileSync(backupFile));
    const at = Math.floor(bytes.length * 0.6);
    bytes.set(bytes.subarray(at, at + 16).map((byte) => byte ^ 0x5a), at);
    fs.writeFileSync(damaged, bytes);
    await withEmptyDatabase(async (url) => {
      await expect(restoreDatabase(url, damaged)).rejects.toThrow(/the backup file is not valid or is damaged/);
      expect(await tablesWithRows(url)).toEqual([]);
    });
  });

  it('refuses a backup without its end marker (every line intact) and leaves the target empty', async () => {
    const lines = gunzipLines(backupFile);
    const withoutEnd = path.join(dir, 'without-end.backup.gz');
    fs.writeFileSync(withoutEnd, zlib.gzipSync(lines.slice(0, -2).join('\n') + '\n'));
    await withEmptyDatabase(async (url) => {
      await expect(restoreDatabase(url, withoutEnd)).rejects.toThrow('cut short');
      expect(await tablesWithRows(url)).toEqual([]);
    });
  });

  it('refuses a backup made by newer code, naming the migration it does not know', async () => {
    const [first, ...rest] = gunzipLines(backupFile);
    const header = JSON.parse(first!);
    header.migrations.push({ name: '29991231000000_from_the_future', checksum: '0'.repeat(64) });
    const newer = path.join(dir, 'newer.backup.gz');
    fs.writeFileSync(newer, zlib.gzipSync([JSON.stringify(header), ...rest].join('\n')));
    await withEmptyDatabase(async (url) => {
      await expect(restoreDatabase(url, newer)).rejects.toThrow('29991231000000_from_the_future');
      expect(await tablesWithRows(url)).toEqual([]);
    });
  });
});

describe('the db:backup and db:restore commands', () => {
  const run = async (script: string, args: string[], env: Record<string, string>) => {
    // tsx as a loader of this node: pnpm is not on the PATH of every test run.
    const child = spawn(process.execPath, ['--import', 'tsx', `tooling/${script}`, ...args], { cwd: prismaDir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [status] = await once(child, 'close');
    return { status: status as number, stdout, stderr };
  };

  it('db:backup writes the same backup over DATABASE_URL, resolving FILE from where the command was typed', async () => {
    // Not spawnSync: an embedded source is served by this process, which must keep answering.
    const result = await run('backup-cli.ts', ['cli.backup.gz'], { DATABASE_URL: source.url, INIT_CWD: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const header = await readBackupFile(path.join(dir, 'cli.backup.gz'));
    const rows = Object.fromEntries(header.tables.map((table) => [table.name, table.rows]));
    expect(rows).toEqual(Object.fromEntries(Object.entries(sourceDigest).filter(([name]) => !name.includes(' ') && name !== '_prisma_migrations').map(([name, value]) => [name, Number(value.split(' ')[0])])));
  });

  it('refuses, in one line, to open the embedded database while another process (the API) holds it', async () => {
    const dataDir = path.join(dir, 'held');
    const held = await openDatabase({ url: '', dataDir });
    try {
      for (const [script, args] of [['backup-cli.ts', [path.join(dir, 'x.gz')]], ['restore-cli.ts', [backupFile]]] as const) {
        const result = await run(script, [...args], { DATABASE_URL: '', TEPEI_DATA_DIR: dataDir });
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(`is in use by process ${process.pid}`);
        expect(result.stderr).not.toMatch(/^\s+at /m);
      }
    } finally {
      await held.close();
    }
  });

  it('db:restore without a FILE says how to use it', async () => {
    const result = await run('restore-cli.ts', [], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pnpm db:restore FILE [--force]');
  });
});
