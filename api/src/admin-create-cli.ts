// pnpm admin:create <username> [--password-file FILE] [--name 姓名]
// The first regional administrator of a database that has none to sign in with (a production
// start writes no demo accounts). The password is typed without echo on a terminal, or read from
// a file (its first line); it is never taken from the command line, where `ps` and the shell's
// history would show it, and never printed.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, UsageError } from '@tepei/db/cli';
import { openDatabase } from '@tepei/db/database';
import { migrate } from '@tepei/db/migrate';
import { systemClock } from './clock.ts';
import { config, databaseOptions } from './config.ts';
import type { Context } from './context.ts';
import { connectPrisma, disconnectPrisma, inUnitOfWork, prisma } from './db.ts';
import { DomainError } from './errors/domain-errors.ts';
import { createAdministratorFromCommandLine } from './modules/accounts/accounts.service.ts';
import { writeAudit } from './modules/audit/audit.service.ts';

const usage = '用法 / usage: pnpm admin:create <用户名 username> [--password-file 文件 FILE] [--name 姓名]';

interface Arguments {
  username: string;
  passwordFile: string | undefined;
  displayName: string;
}

function parseArguments(argv: string[]): Arguments {
  let username: string | undefined;
  let passwordFile: string | undefined;
  let displayName = '自治区人社厅管理员';
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (/^--password(=|$)/.test(argument)) {
      throw new UsageError('密码不从命令行读取：请在终端输入或使用 --password-file / a password is never taken from the command line: type it, or use --password-file');
    }
    if (argument === '--password-file' || argument === '--name') {
      const value = argv[++index];
      if (!value) throw new UsageError(`${argument} 缺少取值 / needs a value. ${usage}`);
      if (argument === '--name') displayName = value;
      else passwordFile = path.resolve(config.invocationDir, value);
    } else if (argument.startsWith('-') || username !== undefined) {
      throw new UsageError(usage);
    } else {
      username = argument;
    }
  }
  if (!username) throw new UsageError(usage);
  return { username, passwordFile, displayName };
}

function passwordFromFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`无法读取密码文件 / cannot read the password file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return text.split(/\r?\n/)[0]!;
}

/** Reads one line from the terminal without showing it. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (result: () => void) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      result();
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done(() => resolve(typed));
        if (character === '\u0003' || character === '\u0004') return done(() => reject(new UsageError('已取消 / cancelled')));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(passwordFile: string | undefined): Promise<string> {
  if (passwordFile) return passwordFromFile(passwordFile);
  if (!process.stdin.isTTY) throw new UsageError(`没有终端可输入密码：请使用 --password-file / no terminal to type the password on: use --password-file. ${usage}`);
  const password = await promptHidden('密码 / password: ');
  if ((await promptHidden('再次输入 / again: ')) !== password) throw new UsageError('两次输入的密码不一致 / the passwords differ');
  return password;
}

await runCli(async () => {
  const { username, passwordFile, displayName } = parseArguments(process.argv.slice(2));
  const database = await openDatabase(databaseOptions());
  try {
    await migrate(database.url);
    connectPrisma(database);
    // Before the password is asked for: nobody types one for an account that cannot be made.
    if (await prisma.user.count({ where: { username: username.trim() } })) {
      throw new UsageError(`用户名 ${username} 已存在，未做任何修改 / username ${username} exists: nothing changed`);
    }
    const password = await readPassword(passwordFile);
    const ctx: Context = { actor: null, requestId: `admin-create-${randomUUID()}`, clientAddress: null, now: systemClock };
    const user = await inUnitOfWork(async () => {
      const created = await createAdministratorFromCommandLine({ username, displayName, password });
      await writeAudit(ctx, {
        operation: 'createUser',
        target: { type: 'User', id: created.id },
        result: 'SUCCESS',
        details: { username: created.username, role: created.role, via: 'pnpm admin:create' },
      });
      return created;
    }).catch((error: unknown) => {
      // The API's own refusals (password policy, username format, taken name) in one line.
      throw error instanceof DomainError ? new UsageError(error.message) : error;
    });
    console.log(`已创建自治区管理员 / regional administrator created: ${user.username}`);
  } finally {
    await disconnectPrisma();
    await database.close();
  }
});
