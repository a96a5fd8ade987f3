// The machine a run was made on, for the results file and its name.
import os from 'node:os';
import pg from 'pg';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  os: string;
  /** 1-minute load average when the run started: the cores are shared. */
  loadAverage: number;
  /** File-name-safe: 2c-intel-xeon-platinum-8375c */
  slug: string;
}

export async function describeMachine(serverUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const server = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await client.end();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const cores = os.availableParallelism();
  const model = cpu
    .toLowerCase()
    .replace(/\(r\)|\(tm\)|cpu|processor|@.*$/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return {
    cpu,
    cores,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: `PostgreSQL ${server}`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
    slug: `${cores}c-${model}`,
  };
}
