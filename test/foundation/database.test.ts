import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { DatabaseUnreachable, EmbeddedDatabaseInUse, openDatabase } from '@tepei/db/database';
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

  it.skipIf(!fs.existsSync('/proc/self/stat'))('opens an embedded folder again at once after its holder was killed, and refuses it while the holder lives', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tepei-data-'));
    const databaseModule = pathToFileURL(path.join(prismaDir, 'src', 'database.ts')).href;
    // The holder is the node process itself, so the lock names its pid.
    const holderScript = `import { openDatabase } from ${JSON.stringify(databaseModule)};
      await openDatabase({ url: '', dataDir: ${JSON.stringify(dataDir)} });
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holderScript], {
      cwd: prismaDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(holder, 'exit');
    const stateOf = (pid: number) => {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat[stat.lastIndexOf(')') + 2];
    };
    try {
      const [output] = (await once(holder.stdout!, 'data')) as [Buffer];
      expect(output.toString()).toContain('ready');
      const pid = holder.pid!;

      const refused = openDatabase({ url: '', dataDir });
      await expect(refused).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
      await expect(refused).rejects.toThrow(String(pid));

      holder.kill('SIGKILL');
      // Node reaps a child from its event loop: until this test yields, the killed holder stays
      // a zombie (state Z), which kill(pid, 0) still reports as running.
      const deadline = Date.now() + 10_000;
      while (stateOf(pid) !== 'Z') if (Date.now() > deadline) throw new Error(`holder ${pid} did not die`);
      const reopened = openDatabase({ url: '', dataDir }); // the lock is checked before this returns
      expect(stateOf(pid)).toBe('Z');
      const database = await reopened;
      try {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
        await client.end();
      } finally {
        await database.close();
      }
    } finally {
      holder.kill('SIGKILL');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
