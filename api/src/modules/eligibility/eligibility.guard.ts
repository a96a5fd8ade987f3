// Submission and recommendation are refused while a hard rule fails, naming the rules.
import type { Application } from '@tepei/db/client';
import { NotEligibleError, NotFoundError } from '../../errors/domain-errors.ts';
import { shapedFindMany } from '../../shaped-reads/find-many.ts';
import { eligibilityFacts } from '../applications/application-reads.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { eligibilityFromFacts, type EligibilityFacts } from './eligibility.loader.ts';
import { blockingRules, type RuleResult } from './eligibility.rules.ts';

/**
 * Refuses `action` unless the application meets every hard rule now: the application and the
 * facts the rules read in one statement, inside the step's unit of work (`tx` is that unit;
 * the shaped read joins it through `prisma`).
 */
export async function assertEligible(_tx: Transaction, applicationId: string, now: Date, action: string): Promise<void> {
  const { rows, facts } = await shapedFindMany<Application>('Application', { where: { id: applicationId } }, { facts: eligibilityFacts(now) });
  const [application] = rows;
  if (!application) throw new NotFoundError('申报记录');
  throwIfNotEligible(eligibilityFromFacts([application], facts as unknown as EligibilityFacts).get(application.id)!, action);
}

/** Refuses `action` when a hard rule fails in verdicts already computed, naming the rules. */
export function throwIfNotEligible(results: RuleResult[], action: string): void {
  const failing = blockingRules(results);
  if (failing.length) {
    const reasons = results.filter((result) => result.blocking).map((result) => result.reason);
    throw new NotEligibleError(failing, `不符合推荐条件，不能${action}：${reasons.join('；')}`);
  }
}
