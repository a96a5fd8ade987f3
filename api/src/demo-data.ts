// The demo data as the API serves it: the seed's rows (@tepei/db/seed) together with what the
// API derives from them and stores, written in one transaction.
import type { PrismaClient } from '@tepei/db/client';
import { seed, type SeedSummary } from '@tepei/db/seed';
import { recordRelaxedRules } from './modules/eligibility/relaxed-rules.ts';

export async function seedDemoData(prisma: PrismaClient, options: { today?: Date } = {}): Promise<SeedSummary> {
  return seed(prisma, { ...options, derive: (tx) => recordRelaxedRules(tx, {}) });
}
