// Keeps Application.relaxedRules — the rules an application meets only as relaxed — equal to
// what eligibility.rules.ts decides, so that lists filter and sort on it in SQL. Whatever
// changes a fact those verdicts read calls this in the same transaction: saving forms 2 and 3,
// changing a round's shortage specialties, loading demo or benchmark data.
import type { EligibilityRule, Prisma, PrismaClient } from '@tepei/db/client';
import { eligibilitySelect, loadEligibility } from './eligibility.loader.ts';
import type { RuleResult } from './eligibility.rules.ts';

/** Applications read and written per step: bounded memory however large the round. */
const batchSize = 2000;

type Writer = Prisma.TransactionClient | PrismaClient;

/** The rules whose outcome is RELAXED, in rule order. */
export function relaxedRulesOf(results: readonly RuleResult[]): EligibilityRule[] {
  return results.filter((result) => result.outcome === 'RELAXED').map((result) => result.rule);
}

/**
 * Recompute relaxedRules for every application matching `where`; returns how many changed.
 * Relaxation depends on the form, the area and the round, never on the date or the blacklist,
 * so any `now` gives the same answer.
 */
export async function recordRelaxedRules(db: Writer, where: Prisma.ApplicationWhereInput, now: Date = new Date()): Promise<number> {
  let changed = 0;
  let after: string | undefined;
  for (;;) {
    const applications = await db.application.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      select: { ...eligibilitySelect, relaxedRules: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (!applications.length) return changed;
    after = applications.at(-1)!.id;

    const verdicts = await loadEligibility(applications, now, db);
    // One UPDATE per distinct value: only two rules can be relaxed, so at most four statements.
    const idsByValue = new Map<string, string[]>();
    for (const application of applications) {
      const relaxed = relaxedRulesOf(verdicts.get(application.id)!);
      if (relaxed.join() === application.relaxedRules.join()) continue;
      const ids = idsByValue.get(relaxed.join()) ?? [];
      ids.push(application.id);
      idsByValue.set(relaxed.join(), ids);
    }
    for (const [value, ids] of idsByValue) {
      const relaxedRules = value ? (value.split(',') as EligibilityRule[]) : [];
      // Raw SQL because a derived copy is not an edit: Prisma's updateMany would move
      // updatedAt, which lists sort by and reviewers read as "last changed".
      await db.$executeRaw`
        UPDATE "Application"
        SET "relaxedRules" = ${relaxedRules}::"EligibilityRule"[], "relaxedRuleCount" = ${relaxedRules.length}
        WHERE "id" = ANY(${ids}::uuid[])`;
      changed += ids.length;
    }
  }
}
