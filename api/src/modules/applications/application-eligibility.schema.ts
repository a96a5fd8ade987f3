// Each application's eligibility results (DOMAIN.md rules 1–6), loaded in one batch per
// request so that a page of applications costs a constant number of queries.
import DataLoader from 'dataloader';
import { withBirthMonth } from '../../auth/personal-data.ts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { type EligibilityApplication, eligibilitySelect, loadEligibility } from '../eligibility/eligibility.loader.ts';
import type { RuleResult } from '../eligibility/eligibility.rules.ts';
import { EligibilityResultType } from '../eligibility/eligibility.schema.ts';

const loaders = new WeakMap<Context, DataLoader<EligibilityApplication, RuleResult[], string>>();

function eligibilityLoader(ctx: Context) {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (applications) => {
        const results = await loadEligibility(applications, ctx.now());
        return applications.map((application) => results.get(application.id) ?? []);
      },
      { cacheKeyFn: (application) => application.id },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

/** Verdicts computed from facts a read loaded with its page (application-reads.ts): the field then asks no query. */
export function primeEligibility(ctx: Context, results: ReadonlyMap<string, RuleResult[]>): void {
  const loader = eligibilityLoader(ctx);
  for (const [id, verdicts] of results) loader.prime({ id } as EligibilityApplication, verdicts);
}

builder.prismaObjectField('Application', 'eligibility', (t) =>
  t.field({
    type: [EligibilityResultType],
    description: '推荐条件逐条核验结果：符合、不符合、放宽后符合或需审核人关注，附原因',
    select: eligibilitySelect,
    // The age rule states the birth date: to the month for a reader who gets no more.
    resolve: async (application, _args, ctx) =>
      (await eligibilityLoader(ctx).load(application)).map((result) => ({
        ...result,
        reason: withBirthMonth(ctx.actor!, result.reason, application.birthDate),
      })),
  }),
);
