// What a selection must check under its round's lock — eligibility as it stands now (a unit
// blacklisted since the recommendation), the signed scans of forms 4 and 5, and a free place —
// read in ONE statement after the lock is taken: the application with the facts of all three
// (shaped-reads/find-many.ts), judged by the same rule functions the queue and the other
// transitions use. Every other selection of the round waits while the lock is held, so the
// statements inside it are kept to the lock, this read and the writes (issue #12: ≤ 8).
import type { Application } from '@tepei/db/client';
import { shapedFindMany } from '../../shaped-reads/find-many.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { eligibilityFacts, latestPerRoundAndArea, signedScanFacts } from '../applications/application-reads.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { type LatestForm5Scan, missingSignedScansFrom, signedScansSelect, throwIfSignedScansMissing } from '../documents/signed-scans.ts';
import { eligibilityFromFacts, type EligibilityFacts, eligibilitySelect } from '../eligibility/eligibility.loader.ts';
import { throwIfNotEligible } from '../eligibility/eligibility.guard.ts';
import { assertPlaceFree, lockRoundQuotas, placeFacts, type PlaceFacts } from '../quotas/quotas.service.ts';

type Form4Scans = Parameters<typeof missingSignedScansFrom>[1];

/** The columns the three checks read: not the whole row (its JSON would be five times as long). */
const checkedColumns = { ...eligibilitySelect, ...signedScansSelect, mode: true } as const;
type CheckedApplication = Pick<Application, keyof typeof checkedColumns>;

/**
 * Takes the round's lock, then refuses the selection if the application is not eligible, lacks
 * a signed scan or finds no place. `tx` is the open unit of work (the read joins it).
 */
export async function assertSelectable(tx: Transaction, application: Application, now: Date, action: string): Promise<void> {
  // The lock first: a blacklisting waits for it (lockAllRoundsForListing), so the read below
  // cannot miss a listing committed meanwhile, nor a selection or a change of places.
  const round = await lockRoundQuotas(tx, application.roundId);
  const page = await shapedFindMany<CheckedApplication>(
    'Application',
    { where: { id: application.id }, select: checkedColumns },
    { facts: { ...eligibilityFacts(now), ...signedScanFacts, ...placeFacts(application) } },
  );
  const [current] = page.rows;
  if (!current) throw new NotFoundError('申报');
  const facts = page.facts as unknown as EligibilityFacts & PlaceFacts & { form4Scans: Form4Scans; form5Scans: LatestForm5Scan[] };
  throwIfNotEligible(eligibilityFromFacts([current], facts).get(current.id)!, action);
  throwIfSignedScansMissing(missingSignedScansFrom([current], facts.form4Scans, latestPerRoundAndArea(facts.form5Scans)).get(current.id) ?? [], action);
  assertPlaceFree(round, current, facts);
}
