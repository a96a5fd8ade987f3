// Each application's eligibility results (DOMAIN.md rules 1–6), loaded in one batch per
// request so that a page of applications costs a constant number of queries.
import { withBirthMonth } from '../../auth/personal-data.ts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { rowLoader } from '../../row-loader.ts';
import { type EligibilityApplication, eligibilitySelect, loadEligibility } from '../eligibility/eligibility.loader.ts';
import type { RuleResult } from '../eligibility/eligibility.rules.ts';
import { EligibilityResultType } from '../eligibility/eligibility.schema.ts';

const eligibilityOfApplications = rowLoader<EligibilityApplication, RuleResult[]>(
  (applications, ctx) => loadEligibility(applications, ctx.now()),
  () => [],
);

/** Verdicts computed from facts a read loaded with its page (application-reads.ts): the field then asks no query. */
export function primeEligibility(ctx: Context, results: ReadonlyMap<string, RuleResult[]>): void {
  eligibilityOfApplications.prime(ctx, results);
}

builder.prismaObjectField('Application', 'eligibility', (t) =>
  t.field({
    type: [EligibilityResultType],
    description: '推荐条件逐条核验结果：符合、不符合、放宽后符合或需审核人关注，附原因',
    select: eligibilitySelect,
    // The age rule states the birth date: to the month for a reader who gets no more.
    resolve: (application, _args, ctx) =>
      eligibilityOfApplications.loadThen(ctx, application, (results) =>
        results.map((result) => ({ ...result, reason: withBirthMonth(ctx.actor!, result.reason, application.birthDate) })),
      ),
  }),
);
