// 培养单位名录: the host institutions the regional bureau keeps (name, province, kind,
// specialties, mentors, contact), the places each offers in a round, and the hosts applicants
// proposed on form 3 that the bureau lists or refuses (host-preferences.ts links them).
import type { HostInstitution, HostKind, TrainingMode } from '@tepei/db/client';
import { isProvince, modeOfProvince } from '@tepei/db/reference/provinces';
import type { Actor } from '../../auth/actor.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { ConflictError, FieldProblems, ForbiddenError, NotFoundError } from '../../errors/domain-errors.ts';
import { lockRoundQuotas } from '../quotas/quotas.service.ts';
import { assertRoundNotFinished } from '../rounds/round-finished.ts';
import { hostModeProblem, linkPreferencesNaming } from './host-preferences.ts';

export interface HostInstitutionFields {
  name: string;
  province: string;
  kind: HostKind;
  specialties?: readonly string[] | null;
  mentors?: readonly string[] | null;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
}

const limits = { name: 60, list: 30, item: 30, contact: 30, address: 100, places: 1000 } as const;

function requireRegional(actor: Actor): void {
  if (actor.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅可以维护培养单位名录');
}

/** Trimmed, without blanks and repeats, in the order given. */
function cleanList(values: readonly string[] | null | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
}

function optional(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

function validated(input: HostInstitutionFields) {
  const problems = new FieldProblems();
  const name = input.name.trim();
  if (!name) problems.add(['input', 'name'], '请填写培养单位名称');
  if (name.length > limits.name) problems.add(['input', 'name'], `名称不超过 ${limits.name} 字`);
  const province = input.province.trim();
  if (!isProvince(province)) problems.add(['input', 'province'], '请选择培养单位所在省级行政区');
  const specialties = cleanList(input.specialties);
  const mentors = cleanList(input.mentors);
  for (const [key, list] of [['specialties', specialties], ['mentors', mentors]] as const) {
    if (list.length > limits.list) problems.add(['input', key], `最多 ${limits.list} 项`);
    if (list.some((item) => item.length > limits.item)) problems.add(['input', key], `每项不超过 ${limits.item} 字`);
  }
  const contact = { contactName: optional(input.contactName), contactPhone: optional(input.contactPhone), address: optional(input.address) };
  if ((contact.contactName?.length ?? 0) > limits.contact) problems.add(['input', 'contactName'], `不超过 ${limits.contact} 字`);
  if (contact.contactPhone && !/^[0-9+\-() ]{5,20}$/.test(contact.contactPhone)) problems.add(['input', 'contactPhone'], '联系电话格式不正确');
  if ((contact.address?.length ?? 0) > limits.address) problems.add(['input', 'address'], `不超过 ${limits.address} 字`);
  problems.throwIfAny();
  return { name, province, kind: input.kind, specialties, mentors, ...contact };
}

async function assertNameFree(name: string, exceptId?: string): Promise<void> {
  const other = await prisma.hostInstitution.findUnique({ where: { name } });
  if (other && other.id !== exceptId) throw new ConflictError(`培养单位“${name}”已在名录中`);
}

/**
 * Lists a host. Preferences already naming it are linked to it, and a pending proposal of
 * that name is settled as accepted: a name proposed before it was listed loses nothing.
 */
export async function createHostInstitution(actor: Actor, now: Date, input: HostInstitutionFields, proposedNames: readonly string[] = []): Promise<HostInstitution> {
  requireRegional(actor);
  const data = validated(input);
  return prisma.$transaction(async (tx) => {
    await assertNameFree(data.name);
    const host = await tx.hostInstitution.create({ data: { ...data, createdAt: now } });
    const names = [data.name, ...proposedNames];
    await linkPreferencesNaming(tx, host, names);
    await tx.hostProposal.updateMany({
      where: { name: { in: names }, status: { not: 'ACCEPTED' } },
      data: { status: 'ACCEPTED', hostInstitutionId: host.id, decidedAt: now, decidedById: actor.userId, refusalReason: null },
    });
    return host;
  }, transactionOptions);
}

/**
 * Changes a host's entry. Its province may not move it to the other mode while it offers
 * places or holds trainees in that mode; preferences keep the name the applicant wrote.
 */
export async function updateHostInstitution(actor: Actor, id: string, input: HostInstitutionFields): Promise<HostInstitution> {
  requireRegional(actor);
  const data = validated(input);
  return prisma.$transaction(async (tx) => {
    const host = await tx.hostInstitution.findUnique({ where: { id } });
    if (!host) throw new NotFoundError('培养单位');
    await assertNameFree(data.name, id);
    const mode = modeOfProvince(data.province);
    if (mode !== modeOfProvince(host.province)) {
      const offered = await tx.hostPlaces.count({ where: { hostInstitutionId: id, places: { gt: 0 } } });
      const placed = await tx.placement.count({ where: { hostInstitutionId: id } });
      if (offered || placed) {
        const problems = new FieldProblems();
        problems.add(['input', 'province'], '该培养单位已有名额或已分配学员，不能改为另一培养方式的省份');
        problems.throwIfAny();
      }
    }
    return tx.hostInstitution.update({ where: { id }, data });
  }, transactionOptions);
}

/** Places a host offers in a round for a mode; never fewer than the trainees placed there. */
export async function setHostPlaces(actor: Actor, now: Date, roundId: string, hostInstitutionId: string, mode: TrainingMode, places: number) {
  requireRegional(actor);
  const problems = new FieldProblems();
  if (!Number.isInteger(places) || places < 0 || places > limits.places) problems.add(['places'], `名额应为0至${limits.places}的整数`);
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    // The placement of the round counts places under the same lock.
    await lockRoundQuotas(tx, roundId);
    await assertRoundNotFinished(tx, roundId, now);
    const host = await tx.hostInstitution.findUnique({ where: { id: hostInstitutionId } });
    if (!host) throw new NotFoundError('培养单位');
    const modeProblem = hostModeProblem(host, mode);
    if (modeProblem) problems.add(['mode'], modeProblem);
    const placed = await tx.placement.count({ where: { roundId, hostInstitutionId, application: { mode } } });
    if (places < placed) problems.add(['places'], `已分配 ${placed} 名学员到该培养单位，名额不能少于此数`);
    problems.throwIfAny();
    return tx.hostPlaces.upsert({
      where: { roundId_hostInstitutionId_mode: { roundId, hostInstitutionId, mode } },
      create: { roundId, hostInstitutionId, mode, places },
      update: { places },
    });
  }, transactionOptions);
}

/** Lists a proposed host (the admin completes or corrects its entry); every preference naming it is linked. */
export async function acceptHostProposal(actor: Actor, now: Date, proposalId: string, input: HostInstitutionFields): Promise<HostInstitution> {
  requireRegional(actor);
  const proposal = await prisma.hostProposal.findUnique({ where: { id: proposalId } });
  if (!proposal) throw new NotFoundError('拟新增培养单位');
  if (proposal.status === 'ACCEPTED') throw new ConflictError(`“${proposal.name}”已列入培养单位名录`);
  return createHostInstitution(actor, now, input, [proposal.name]);
}

/** Refuses a proposed host: its preferences keep their text and are left out of placement. */
export async function refuseHostProposal(actor: Actor, now: Date, proposalId: string, reason: string) {
  requireRegional(actor);
  const problems = new FieldProblems();
  const why = reason.trim();
  if (!why) problems.add(['reason'], '请填写不予列入的理由');
  if (why.length > 200) problems.add(['reason'], '理由不超过200字');
  problems.throwIfAny();
  const proposal = await prisma.hostProposal.findUnique({ where: { id: proposalId } });
  if (!proposal) throw new NotFoundError('拟新增培养单位');
  if (proposal.status === 'ACCEPTED') throw new ConflictError(`“${proposal.name}”已列入培养单位名录`);
  return prisma.hostProposal.update({
    where: { id: proposalId },
    data: { status: 'REFUSED', refusalReason: why, decidedAt: now, decidedById: actor.userId },
  });
}
