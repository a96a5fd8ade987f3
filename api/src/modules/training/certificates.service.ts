// 结业证书 (notice 五(三)): issued to every trainee assessed as qualified at the end of the year,
// numbered by the system (prisma/src/reference/certificate-number.ts), printed as a PDF for the
// trainee and those who follow them, confirmed to anyone by its number without the holder's
// identifiers, and listed per round for the bureau (the completion list).
import { certificateNumber, certificateNumberPrefix, normalizedCertificateNumber } from '@tepei/db/reference/certificate-number';
export { assessmentLabels } from '@tepei/db/reference/certificate-number';
import type { Prisma, Role, Round, TrainingMode } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { shownIdNumber } from '../../auth/personal-data.ts';
import { applicationsVisibleTo } from '../../auth/row-rules.ts';
import { prisma } from '../../db.ts';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../errors/domain-errors.ts';
import { pastDraft, type PastDraft } from '../applications/application-form.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { currentPhoto, type Photo } from '../forms/forms.service.ts';

/**
 * Who may have a certificate as a file: its holder, and the reviewers who followed them (their
 * unit, their prefecture, the region), each within the application's row rule. An analyst reads
 * the completion figures, never a person's certificate.
 */
export const certificateRoles: readonly Role[] = ['APPLICANT', 'EMPLOYER', 'PREFECTURE', 'REGIONAL'];
/** The completion list of a round: the bureau, and analysts with identifiers masked. */
export const completionListRoles: readonly Role[] = ['REGIONAL', 'ANALYST'];

/**
 * The next certificate number of a round, for the completion to write in its own UPDATE. Two
 * completions at once must not take the same number: the advisory lock makes the second wait
 * for the first to commit, and the unit of work runs READ COMMITTED, so the next statement sees
 * its number. The unique index on certificateNumber stays the last guard.
 */
export async function nextCertificateNumber(tx: Transaction, round: Pick<Round, 'year'>): Promise<string> {
  const prefix = certificateNumberPrefix(round.year);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certificate-number:${prefix}`}))`;
  const [{ last }] = await tx.$queryRaw<[{ last: number | null }]>`
    SELECT max(split_part("certificateNumber", '-', 3)::int) AS last
    FROM "TrainingRecord"
    WHERE "certificateNumber" ~ ${`^${prefix}-[0-9]{4,9}$`}`;
  return certificateNumber(round.year, (last ?? 0) + 1);
}

const certificateInclude = {
  round: true,
  unit: { include: { area: true } },
  training: true,
} satisfies Prisma.ApplicationInclude;

export type CertifiedApplication = PastDraft<Prisma.ApplicationGetPayload<{ include: typeof certificateInclude }>> & {
  training: NonNullable<Prisma.ApplicationGetPayload<{ include: typeof certificateInclude }>['training']> & { certificateNumber: string; completedOn: Date };
};

export interface Certificate {
  application: CertifiedApplication;
  /** 一寸照片, when one was uploaded as JPEG or PNG. */
  photo: Photo | null;
}

/** The certificate of one application, for its holder and those who followed them. */
export async function certificateOf(actor: Actor, applicationId: string): Promise<Certificate> {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationsVisibleTo(actor)] },
    include: certificateInclude,
  });
  if (!application) throw new NotFoundError('申报');
  if (!certificateRoles.includes(actor.role)) throw new ForbiddenError('无权下载结业证书');
  const training = application.training;
  if (!training?.certificateNumber || !training.completedOn) throw new NotFoundError('结业证书（该学员尚未经考核合格结业）');
  return { application: pastDraft(application) as CertifiedApplication, photo: await currentPhoto(applicationId) };
}

// ───────────────────────────── public verification ─────────────────────────────

/** What anyone may learn of a certificate from its number: that it is real, and nothing that identifies its holder. */
export interface CertificateVerification {
  certificateNumber: string;
  /** The holder's surname and a mark for the rest (张＊＊): enough to match the paper in hand. */
  holderName: string;
  year: number;
  mode: TrainingMode;
  hostInstitution: string;
  startedOn: Date;
  completedOn: Date;
}

/** The first character of a name and two marks, whatever its length. */
export function nameForPublic(name: string): string {
  const first = [...name.trim()][0] ?? '';
  return `${first}＊＊`;
}

/** A certificate by its number, or null when no certificate has it (a wrong or forged number). */
export async function verifyCertificate(text: string): Promise<CertificateVerification | null> {
  const number = normalizedCertificateNumber(text);
  if (!number) throw new ValidationFailedError([{ path: ['certificateNumber'], message: '证书编号格式应为 XJTP-年份-序号，例如 XJTP-2025-0001' }]);
  const record = await prisma.trainingRecord.findUnique({
    where: { certificateNumber: number },
    select: {
      certificateNumber: true,
      hostInstitution: true,
      startedOn: true,
      completedOn: true,
      application: { select: { name: true, mode: true, status: true, round: { select: { year: true } } } },
    },
  });
  // A certificate stands only for a completion on record.
  if (!record?.certificateNumber || !record.completedOn || record.application.status !== 'COMPLETED') return null;
  return {
    certificateNumber: record.certificateNumber,
    holderName: nameForPublic(record.application.name),
    year: record.application.round.year,
    mode: pastDraft(record.application).mode,
    hostInstitution: record.hostInstitution,
    startedOn: record.startedOn,
    completedOn: record.completedOn,
  };
}

// ───────────────────────────── the completion list ─────────────────────────────

const completionInclude = {
  unit: true,
  area: true,
  training: true,
} satisfies Prisma.ApplicationInclude;

export type CompletedApplication = PastDraft<Prisma.ApplicationGetPayload<{ include: typeof completionInclude }>>;

export interface CompletionList {
  round: Round;
  applications: CompletedApplication[];
}

/** 结业名单 of a round: every trainee who finished, certified or not, in certificate order. */
export async function completionList(actor: Actor, year: number): Promise<CompletionList> {
  if (!completionListRoles.includes(actor.role)) throw new ForbiddenError('无权下载结业名单');
  const round = await prisma.round.findUnique({ where: { year } });
  if (!round) throw new NotFoundError(`${year}年度`);
  const applications = await prisma.application.findMany({
    where: { AND: [{ roundId: round.id, status: 'COMPLETED' }, applicationsVisibleTo(actor)] },
    include: completionInclude,
    orderBy: [{ training: { certificateNumber: { sort: 'asc', nulls: 'last' } } }, { area: { sortOrder: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
  });
  return { round, applications: applications.map((application) => ({ ...pastDraft(application), idNumber: shownIdNumber(actor, application.idNumber) })) };
}
