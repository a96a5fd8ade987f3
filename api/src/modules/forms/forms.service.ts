// Which official forms an actor may have as files, and what they hold. The row rules
// (auth/row-rules.ts) decide what exists for the actor: outside them a form is "not found".
// The roles below decide the rest: a role without business with a form is refused. Analysts
// get every personal identifier masked, in every file, as in GraphQL (auth/personal-data.ts).
import type { ApplicationStatus, Prisma, Role, Round } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { applicationsVisibleTo, areasVisibleTo, unitsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { ForbiddenError, NotFoundError } from '../../errors/domain-errors.ts';
import { pastDraft, type PastDraft } from '../applications/application-form.ts';
import { birthMonthOf, hiddenText, shownBirthDate, shownEmail, shownEmergencyContact, shownIdNumber, shownPhone } from '../../auth/personal-data.ts';

/** Who may download the lists (forms 2 and 3 follow the application's own row rule alone). */
export const formRoles = {
  /** 用人单位审核表 of a unit: the unit itself, its prefecture, the region. */
  unitReview: ['EMPLOYER', 'PREFECTURE', 'REGIONAL', 'ANALYST'],
  /** 名单汇总表 of an area: its prefecture reviewer and the region. */
  areaSummary: ['PREFECTURE', 'REGIONAL', 'ANALYST'],
  /** 名单汇总表 of the whole region. */
  regionSummary: ['REGIONAL', 'ANALYST'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The applications forms 4 and 5 list: those whose unit endorsement stands. ENDORSED ones are
 * included so that a prefecture can prepare its list (form 5) while it still reviews; the
 * statuses after RECOMMENDED keep a list whole after the region's decision. Withdrawn,
 * rejected, returned and abandoned applications are not listed.
 */
export const listedStatuses: ApplicationStatus[] = [
  'ENDORSED',
  'RECOMMENDED',
  'SELECTED',
  'NOT_SELECTED',
  'ORIENTATION_ATTENDED',
  'IN_TRAINING',
  'COMPLETED',
];

const listInclude = {
  unit: true,
  hostPreferences: { orderBy: { rank: 'asc' } },
  // The unit's conclusion on form 4: its latest endorsement.
  reviews: { where: { stage: 'EMPLOYER', decision: 'ENDORSE' }, orderBy: { decidedAt: 'desc' }, take: 1 },
} satisfies Prisma.ApplicationInclude;

const formInclude = {
  ...listInclude,
  round: true,
  unit: { include: { area: true } },
  workHistory: { orderBy: { position: 'asc' } },
  awards: { orderBy: { position: 'asc' } },
  publications: { orderBy: { position: 'asc' } },
} satisfies Prisma.ApplicationInclude;

/**
 * An application as the viewer may read it: the birth date is null where only the month is (and
 * both are in a draft that has not given it).
 */
type Viewed<T extends { birthDate: Date | null }> = Omit<T, 'birthDate'> & {
  birthDate: Date | null;
  /** YYYY-MM */
  birthMonth: T['birthDate'] extends Date ? string : string | null;
};

/** Forms 4 and 5 list applications past their draft only (listedStatuses): every choice is made. */
export type ListedApplication = Viewed<PastDraft<Prisma.ApplicationGetPayload<{ include: typeof listInclude }>>>;
/** Forms 2 and 3 print any status, a draft too. */
export type FormApplication = Viewed<Prisma.ApplicationGetPayload<{ include: typeof formInclude }>>;

export interface Photo {
  bytes: Uint8Array;
  mimeType: string;
}

export interface ApplicationForms {
  application: FormApplication;
  /** 一寸照片, when one was uploaded as JPEG or PNG. */
  photo: Photo | null;
}

export interface UnitReviewList {
  round: Round;
  unit: Prisma.EmployerUnitGetPayload<{ include: { area: true } }>;
  applications: ListedApplication[];
}

export interface SummaryList {
  round: Round;
  /** Null for the whole region. */
  area: { id: string; code: string; name: string } | null;
  applications: ListedApplication[];
}

/** What an analyst may not read is masked or replaced where it stands; everyone else reads it as stored. */
function forViewer<T extends Prisma.ApplicationGetPayload<{ include: typeof listInclude }>>(actor: Actor, application: T): Viewed<T> {
  return {
    ...application,
    birthDate: shownBirthDate(actor, application.birthDate),
    birthMonth: birthMonthOf(application.birthDate) as Viewed<T>['birthMonth'],
    idNumber: shownIdNumber(actor, application.idNumber),
    phone: shownPhone(actor, application.phone)!,
    email: shownEmail(actor, application.email),
    unitContactPhone: shownPhone(actor, application.unitContactPhone)!,
    emergencyContactName: shownEmergencyContact(actor, application.emergencyContactName) ?? hiddenText,
    emergencyContactPhone: shownEmergencyContact(actor, application.emergencyContactPhone) ?? hiddenText,
    hostPreferences: application.hostPreferences.map((preference) => ({
      ...preference,
      contactPhone: shownPhone(actor, preference.contactPhone),
    })),
  };
}

function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`无权下载${what}`);
}

async function roundOfYear(year: number): Promise<Round> {
  const round = await prisma.round.findUnique({ where: { year } });
  if (!round) throw new NotFoundError(`${year}年度`);
  return round;
}

/** Forms 2 and 3 of one application, for whoever may see the application. */
export async function applicationForms(actor: Actor, applicationId: string): Promise<ApplicationForms> {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationsVisibleTo(actor)] },
    include: formInclude,
  });
  if (!application) throw new NotFoundError('申报');
  return { application: forViewer(actor, application), photo: await currentPhoto(applicationId) };
}

/** The application's current 一寸照片, when one was uploaded as JPEG or PNG (what a PDF can draw). */
export async function currentPhoto(applicationId: string): Promise<Photo | null> {
  const photo = await prisma.document.findFirst({
    where: { applicationId, kind: 'PHOTO', supersededAt: null, mimeType: { in: ['image/jpeg', 'image/png'] } },
    orderBy: { uploadedAt: 'desc' },
    select: { mimeType: true, content: { select: { bytes: true } } },
  });
  return photo?.content ? { bytes: photo.content.bytes, mimeType: photo.mimeType } : null;
}

/** Form 4: a unit's endorsed applicants of one round. */
export async function unitReviewList(actor: Actor, unitId: string, year: number): Promise<UnitReviewList> {
  const unit = await prisma.employerUnit.findFirst({ where: { AND: [{ id: unitId }, unitsVisibleTo(actor)] }, include: { area: true } });
  if (!unit) throw new NotFoundError('用人单位');
  requireRole(actor, formRoles.unitReview, '用人单位审核表');
  const round = await roundOfYear(year);
  const applications = await prisma.application.findMany({
    where: { AND: [{ unitId, roundId: round.id, status: { in: listedStatuses } }, applicationsVisibleTo(actor)] },
    include: listInclude,
    orderBy: [{ mode: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  });
  return {
    round,
    // The unit's contact is often the applicants' unit contact, whose phone is masked the same.
    unit: { ...unit, contactPhone: shownPhone(actor, unit.contactPhone) },
    applications: applications.map((application) => forViewer(actor, pastDraft(application))),
  };
}

/** Form 5: the list of an area, or of the whole region when `areaId` is null. */
export async function summaryList(actor: Actor, areaId: string | null, year: number): Promise<SummaryList> {
  let area: SummaryList['area'] = null;
  if (areaId) {
    area = await prisma.area.findFirst({ where: { AND: [{ id: areaId }, areasVisibleTo(actor)] }, select: { id: true, code: true, name: true } });
    if (!area) throw new NotFoundError('推荐主管部门');
    requireRole(actor, formRoles.areaSummary, '名单汇总表');
  } else {
    requireRole(actor, formRoles.regionSummary, '全区名单汇总表');
  }
  const round = await roundOfYear(year);
  const applications = await prisma.application.findMany({
    where: { AND: [{ roundId: round.id, status: { in: listedStatuses }, ...(areaId ? { areaId } : {}) }, applicationsVisibleTo(actor)] },
    include: listInclude,
    orderBy: [{ area: { sortOrder: 'asc' } }, { area: { code: 'asc' } }, { mode: 'asc' }, { unit: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
  });
  return { round, area, applications: applications.map((application) => forViewer(actor, pastDraft(application))) };
}
