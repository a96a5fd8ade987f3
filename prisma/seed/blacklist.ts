// 失信名单: the 2025 abandonments (applicant and unit, 5 years; 2023 and 2024 had none) and the scenarios' listings.
import type { Prisma } from '../src/client.ts';
import { blacklistExpiresAt } from '../src/reference/blacklist-term.ts';
import type { PlannedApplication } from './applications.ts';
import { scenarioListings } from './edge-cases.ts';
import { seedId } from './random.ts';

export function blacklistRows(applications: readonly PlannedApplication[], adminId: string): Prisma.BlacklistEntryCreateManyInput[] {
  const rows: Prisma.BlacklistEntryCreateManyInput[] = [];
  for (const application of applications) {
    if (!application.abandonment) continue;
    const { listedAt, reason } = application.abandonment;
    rows.push({
      id: seedId(`${application.key}:blacklisting`),
      applicantIdNumber: application.person.idNumber,
      applicantName: application.person.name,
      unitId: application.unit.id,
      applicationId: application.id,
      reasonKind: 'ABANDONMENT',
      reason: `${reason}。根据新人社函〔2025〕38号，申报人及派出单位列入失信名单，5年内不予申报特培项目`,
      listedAt,
      expiresAt: blacklistExpiresAt(listedAt),
      listedById: adminId,
    });
  }
  for (const listing of scenarioListings) {
    const application = applications.find((candidate) => candidate.scenario === listing.scenario);
    if (!application) throw new Error(`no application for scenario ${listing.scenario}`);
    rows.push({
      id: seedId(`blacklisting:${listing.scenario}`),
      applicantIdNumber: listing.listsApplicant ? application.person.idNumber : null,
      applicantName: listing.listsApplicant ? application.person.name : null,
      unitId: listing.listsUnit ? application.unit.id : null,
      // The application the listing came from is not part of the demo data.
      applicationId: null,
      reasonKind: listing.reasonKind,
      reason: listing.reason,
      listedAt: listing.listedAt,
      expiresAt: blacklistExpiresAt(listing.listedAt),
      listedById: adminId,
    });
  }
  return rows;
}
