// Everything the API process (and its commands) read from the environment, checked once when
// this module loads. A bad or missing value stops the process with one line naming the variable,
// never a stack trace. README's "配置 / Configuration" table lists the same variables.
import { bool, cleanEnv, EnvError, makeValidator, port, str } from 'envalid';

export interface Config {
  /** A PostgreSQL server; undefined: the embedded database under `dataDir`. */
  databaseUrl: string | undefined;
  /** Embedded only: where its files live (prisma/src/paths.ts' default when undefined). */
  dataDir: string | undefined;
  port: number;
  /** The key of download links; undefined: one stored in the database (download-links.ts). */
  fileUrlSecret: string | undefined;
  /** How many reverse proxies stand before the API (auth/client-address.ts). */
  trustProxy: number;
  /** The bearer token of /metrics; undefined: no /metrics (probes.ts). */
  metricsToken: string | undefined;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Whether an empty database gets the demo data at start: on unless NODE_ENV=production. */
  demoData: boolean;
  /** Where the operator ran a command (pnpm runs scripts in the package's folder and says so in INIT_CWD). */
  invocationDir: string;
}

/** One line, naming each variable that is wrong; printed instead of a stack. */
export class ConfigError extends Error {
  // runCli (prisma/tooling/cli.ts) prints errors of this name as one line.
  override name = 'UsageError';
}

// The messages never repeat a value: DATABASE_URL holds a password, the secrets are secrets.
const postgresUrl = makeValidator<string>((input) => {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new EnvError('不是 URL / not a URL (postgresql://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new EnvError('须以 postgresql:// 开头 / must start with postgresql://');
  }
  return input;
});

const secretOfAtLeast = (minimum: number) =>
  makeValidator<string>((input) => {
    if (input.length < minimum) throw new EnvError(`至少 ${minimum} 个字符 / at least ${minimum} characters`);
    return input;
  });

const proxyCount = makeValidator<number>((input) => {
  if (!/^\d{1,2}$/.test(input)) throw new EnvError('须为 0 至 99 的整数（代理层数）/ must be a whole number 0-99 (proxies)');
  return Number(input);
});

const specs = {
  DATABASE_URL: postgresUrl({ default: undefined }),
  TEPEI_DATA_DIR: str({ default: undefined }),
  PORT: port({ default: 4000 }),
  FILE_URL_SECRET: secretOfAtLeast(32)({ default: undefined }),
  TRUST_PROXY: proxyCount({ default: 0 }),
  METRICS_TOKEN: secretOfAtLeast(16)({ default: undefined }),
  NODE_ENV: str({ choices: ['development', 'production', 'test'] as const, default: 'development' }),
  LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, default: 'info' }),
  TEPEI_DEMO_DATA: bool({ default: undefined }),
  INIT_CWD: str({ default: undefined }),
};

function reason(error: Error): string {
  // envalid's own wording for a port, a choice or a boolean; ours never holds the value.
  return error.message.replace(/^Invalid port input: .*$/, '须为 1 至 65535 的端口号 / must be a port number 1-65535').replace(/^Value ".*" not in choices/, 'not one of');
}

export function readConfig(environment: NodeJS.ProcessEnv): Config {
  // An empty variable counts as unset: DATABASE_URL= asks for the embedded database.
  const given = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const env = cleanEnv(given, specs, {
    reporter: ({ errors }) => {
      const wrong = Object.entries(errors).map(([name, error]) => `${name}: ${reason(error as Error)}`);
      if (wrong.length) throw new ConfigError(`环境变量无效 / invalid environment variable ${wrong.join('; ')}`);
    },
  });
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TEPEI_DATA_DIR,
    port: env.PORT,
    fileUrlSecret: env.FILE_URL_SECRET,
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    demoData: env.TEPEI_DEMO_DATA ?? env.NODE_ENV !== 'production',
    invocationDir: env.INIT_CWD ?? process.cwd(),
  };
}

function configOrExit(): Config {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Modules read the configuration as they load, before any command could catch this.
    process.stderr.write(`错误 / error: ${error.message}\n`);
    process.exit(1);
  }
}

export const config: Config = configOrExit();

/** Which database `openDatabase` (prisma/src/database.ts) opens: the configured one, never its own reading of the environment. */
export function databaseOptions(settings: Config = config): { url: string; dataDir: string | undefined } {
  // url '' asks for the embedded database.
  return { url: settings.databaseUrl ?? '', dataDir: settings.dataDir };
}
