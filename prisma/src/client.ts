import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client.ts';
import type { Database } from './database.ts';

export { PrismaClient };
export * from '../generated/client/client.ts';

export function createPrismaClient(database: Pick<Database, 'url' | 'poolSize'>): PrismaClient {
  const adapter = new PrismaPg({ connectionString: database.url, max: database.poolSize });
  return new PrismaClient({ adapter });
}
