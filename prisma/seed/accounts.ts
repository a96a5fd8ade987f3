// Demo accounts, one per role and scope, all with the password Demo@2025. The list is
// exported so the README, the tests and the admin's login page can name them.
import { areaFacts } from '../src/reference/areas.ts';
import type { Prisma, Role } from '../src/client.ts';
import type { PlannedApplication } from './applications.ts';
import { beijingInstant, minuteMs } from './calendar.ts';
import type { WrittenHistory } from './history.ts';
import { Random, seedId } from './random.ts';
import { unitSpecs } from './units.ts';
import type { AreaRef, SeedUnit } from './units.ts';

export const demoPassword = 'Demo@2025';
/** argon2id of Demo@2025, computed once, so that seeding is deterministic and needs no hashing. */
export const demoPasswordHash = '$argon2id$v=19$m=19456,t=2,p=1$W97RpMPfkMFe9Yr8a2J5cw$Nrzr+hKY7dHqbYlcegxWobH42ll6+RoajweQ2x3MO0k';

export function prefectureUsername(areaCode: string): string {
  return `pref-${areaCode.toLowerCase()}`;
}

/** unit-001 … in the order of unitSpecs. */
export function employerUsername(unitNumber: number): string {
  return `unit-${String(unitNumber).padStart(3, '0')}`;
}

/** Usernames of the demo accounts by role. Every applicant of the open round can also sign in with their ID number. */
export const demoAccounts = {
  REGIONAL: ['admin'],
  ANALYST: ['analyst'],
  PREFECTURE: areaFacts.map((area) => prefectureUsername(area.code)),
  EMPLOYER: unitSpecs.map((_, index) => employerUsername(index + 1)),
  /** `applicant` owns a DRAFT in the open round; `applicant2` one returned for correction. */
  APPLICANT: ['applicant', 'applicant2'],
} as const satisfies Record<Role, readonly string[]>;

export function userId(username: string): string {
  return seedId(`user:${username}`);
}

/** Staff accounts exist before the first round of the demo (2023) opened. */
export const staffCreatedAt = beijingInstant('2023-01-06', '09:00:00.000');

function prefectureDisplayName(area: AreaRef): string {
  if (area.code === 'XPCC') return '兵团人力资源和社会保障局审核员';
  if (area.code.startsWith('DEPT-')) return `${area.name}审核员`;
  return `${area.name}人力资源和社会保障局审核员`;
}

export interface StaffActors {
  adminId: string;
  prefectureByArea: Map<string, string>;
  employerByUnit: Map<string, string>;
}

export function staffAccounts(areas: readonly AreaRef[], units: readonly SeedUnit[]): { rows: Prisma.UserCreateManyInput[]; actors: StaffActors } {
  const base = { passwordHash: demoPasswordHash, createdAt: staffCreatedAt, updatedAt: staffCreatedAt };
  const rows: Prisma.UserCreateManyInput[] = [
    { ...base, id: userId('admin'), username: 'admin', displayName: '自治区人社厅管理员', role: 'REGIONAL' },
    { ...base, id: userId('analyst'), username: 'analyst', displayName: '数据分析员', role: 'ANALYST' },
  ];
  const prefectureByArea = new Map<string, string>();
  for (const area of areas) {
    const username = prefectureUsername(area.code);
    rows.push({ ...base, id: userId(username), username, displayName: prefectureDisplayName(area), role: 'PREFECTURE', areaId: area.id });
    prefectureByArea.set(area.code, userId(username));
  }
  const employerByUnit = new Map<string, string>();
  for (const unit of units) {
    const username = employerUsername(unit.number);
    rows.push({
      ...base,
      id: userId(username),
      username,
      displayName: `${unit.spec.name}审核员`,
      role: 'EMPLOYER',
      unitId: unit.id,
      phone: unit.contactPhone,
    });
    employerByUnit.set(unit.id, userId(username));
  }
  return { rows, actors: { adminId: userId('admin'), prefectureByArea, employerByUnit } };
}

/** Each applicant of the open round registered, with their ID number, shortly before starting the draft. */
export function applicantAccounts(
  applications: readonly PlannedApplication[],
  histories: ReadonlyMap<string, WrittenHistory>,
): Prisma.UserCreateManyInput[] {
  return applications.flatMap((application) => {
    if (application.username === null) return [];
    const random = Random.stream(`${application.key}:account`);
    const createdAt = new Date(histories.get(application.id)!.workflow.createdAt.getTime() - random.int(5, 90) * minuteMs);
    return [
      {
        id: userId(application.username),
        username: application.username,
        passwordHash: demoPasswordHash,
        displayName: application.person.name,
        role: 'APPLICANT' as const,
        unitId: application.unit.id,
        idNumber: application.person.idNumber,
        phone: application.forms.form.phone,
        createdAt,
        updatedAt: createdAt,
      },
    ];
  });
}
