// The backup file (`pnpm db:backup`, `pnpm db:restore`): gzip'd lines of JSON.
//
//   {"format":"tepei-backup","version":1,…,"migrations":[…],"tables":[…],"sequences":[…]}
//   {"table":"Area","rows":[["<id>","650100",…],…]}      one line per batch, tables in header order
//   {"end":true,"rows":{"Area":15,…}}
//
// Every value is the column's PostgreSQL text form (bytea as hex, times in UTC, json as text)
// or null: the server writes it and reads it back, so nothing passes through a JS number or
// Date. gzip's CRC catches a damaged file, the trailer a cut one.
import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

export const backupFormat = 'tepei-backup';
export const backupVersion = 1;

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface AppliedMigration {
  name: string;
  /** sha256 of migration.sql, as _prisma_migrations records it. */
  checksum: string;
}

export interface BackupColumn {
  name: string;
  /** format_type(): what the text form is cast back to. */
  type: string;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  rows: number;
}

export interface BackupSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  serverVersion: string;
  migrations: AppliedMigration[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupBatch {
  table: string;
  rows: (string | null)[][];
}

interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

/** Writes lines to FILE.partial and renames it to FILE only once everything is written. */
export async function writeBackupFile(file: string, write: (line: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial));
  try {
    await write(async (text) => {
      if (!gzip.write(`${text}\n`)) await Promise.race([once(gzip, 'drain'), written]);
    });
    gzip.end();
    await written;
    fs.renameSync(partial, file);
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export const trailerLine = (rows: Record<string, number>) => JSON.stringify({ end: true, rows } satisfies BackupTrailer);

/**
 * Reads a backup through to its trailer, handing each batch to `onBatch` (none when absent:
 * a check only). Refuses, with BackupError, a file that is not a backup, is damaged or cut
 * short, or whose batches do not add up to what its header and trailer say.
 */
export async function readBackupFile(file: string, onBatch?: (batch: BackupBatch, table: BackupTable) => Promise<void>): Promise<BackupHeader> {
  const invalid = (why: string) => new BackupError(`备份文件 ${file} 无效或已损坏（${why}），未做任何更改 / the backup file is not valid or is damaged (${why}); nothing was changed.`);
  if (!fs.existsSync(file)) throw new BackupError(`备份文件不存在 / no such backup file: ${file}`);
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  const counted = new Map<string, number>();
  let tableIndex = 0;

  const take = async (text: string) => {
    if (trailer) throw invalid('data after the end marker');
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      throw invalid('a line is not JSON');
    }
    if (!header) {
      header = checkHeader(line, invalid);
      return;
    }
    const record = line as Partial<BackupBatch & BackupTrailer>;
    if (record.end === true) {
      trailer = record as BackupTrailer;
      return;
    }
    if (typeof record.table !== 'string' || !Array.isArray(record.rows)) throw invalid('a line is neither rows nor the end marker');
    // Tables come in header order: move on to the batch's table, never back.
    while (tableIndex < header.tables.length && header.tables[tableIndex]!.name !== record.table) tableIndex += 1;
    const table = header.tables[tableIndex];
    if (!table) throw invalid(`rows of table ${record.table} out of place`);
    if (record.rows.some((row) => !Array.isArray(row) || row.length !== table.columns.length)) throw invalid(`a row of ${table.name} has the wrong number of values`);
    counted.set(table.name, (counted.get(table.name) ?? 0) + record.rows.length);
    await onBatch?.(record as BackupBatch, table);
  };

  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    await pipeline(input, gunzip, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        pending += decoder.write(chunk);
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          const text = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          await take(text);
        }
      }
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('Z_')) throw invalid(`gzip: ${(error as Error).message}`);
    throw error;
  }
  pending += decoder.end();
  if (pending) throw invalid('the last line is incomplete');
  if (!header) throw invalid('empty file');
  if (!trailer) throw invalid('no end marker: the file was cut short');
  for (const table of header.tables) {
    const rows = counted.get(table.name) ?? 0;
    if (rows !== table.rows || trailer.rows[table.name] !== rows) throw invalid(`table ${table.name}: ${rows} rows read, ${table.rows} expected`);
  }
  return header;
}

function checkHeader(line: unknown, invalid: (why: string) => BackupError): BackupHeader {
  const header = line as Partial<BackupHeader>;
  if (header?.format !== backupFormat) throw invalid('not a tepei backup');
  if (header.version !== backupVersion) {
    throw new BackupError(`备份文件格式版本 ${header.version} 不受支持（本程序读取版本 ${backupVersion}）/ backup format version ${header.version} is not supported (this code reads ${backupVersion})`);
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables) || !Array.isArray(header.sequences)) throw invalid('incomplete header');
  return header as BackupHeader;
}
