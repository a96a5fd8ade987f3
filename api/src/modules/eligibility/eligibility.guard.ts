// Submission and recommendation are refused while a hard rule fails, naming the rules.
import { NotEligibleError } from '../../errors/domain-errors.ts';
import { blockingRules } from './eligibility.rules.ts';
import type { Prisma } from '@tepei/db/client';
import { eligibilityFor } from './eligibility.loader.ts';

export async function assertEligible(tx: Prisma.TransactionClient, applicationId: string, now: Date, action: string): Promise<void> {
  const results = await eligibilityFor(applicationId, now, tx);
  const failing = blockingRules(results);
  if (failing.length) {
    const reasons = results.filter((result) => result.blocking).map((result) => result.reason);
    throw new NotEligibleError(failing, `不符合推荐条件，不能${action}：${reasons.join('；')}`);
  }
}
