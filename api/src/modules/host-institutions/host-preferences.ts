// Form 3's preferences meet the registry (培养单位名录). A preference names its host by name:
// the console offers the registry's names (and their mentors), and the name is the registry's
// key. A preference naming a listed host is linked to it, and must suit the application's
// training mode (异地培养 outside Xinjiang, 当地培养 inside); any other name stays as the
// applicant wrote it and becomes a proposal (HostProposal) for the regional bureau, who lists
// the host (which links every preference of that name) or refuses it. The applicant's text is
// never rewritten.
import { modeOfProvince } from '@tepei/db/reference/provinces';
import type { HostInstitution, TrainingMode } from '@tepei/db/client';
import { FieldProblems } from '../../errors/domain-errors.ts';
import type { Transaction } from '../applications/workflow.service.ts';

export const modeHostRule: Record<TrainingMode, string> = {
  REMOTE: '异地培养须选择新疆以外的培养单位',
  LOCAL: '当地培养须选择新疆境内的培养单位',
};

/** True when a host in this province can train in `mode`. */
export function hostSuitsMode(host: Pick<HostInstitution, 'province'>, mode: TrainingMode): boolean {
  return modeOfProvince(host.province) === mode;
}

/** Why `host` cannot train in `mode`, in the words the API refuses it with (the console shows them before saving too), or null. */
export function hostModeProblem(host: Pick<HostInstitution, 'name' | 'province'>, mode: TrainingMode): string | null {
  return hostSuitsMode(host, mode) ? null : `${host.name}位于${host.province}：${modeHostRule[mode]}`;
}

/**
 * Links the saved application's preferences to the registry by name, refuses a listed host of
 * the other mode (at the preference's path under `form`), and records a pending proposal for
 * each name the registry does not list. Runs in the save's transaction.
 */
export async function linkHostPreferences(tx: Transaction, applicationId: string, now: Date): Promise<void> {
  const application = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { mode: true, hostPreferences: { orderBy: { rank: 'asc' }, select: { id: true, rank: true, institution: true } } },
  });
  const names = [...new Set(application.hostPreferences.map((preference) => preference.institution.trim()).filter(Boolean))];
  if (!names.length) return;
  const hosts = new Map((await tx.hostInstitution.findMany({ where: { name: { in: names } } })).map((host) => [host.name, host]));
  const problems = new FieldProblems();
  for (const [index, preference] of application.hostPreferences.entries()) {
    const host = hosts.get(preference.institution.trim());
    // A draft without its mode yet is checked when a save gives one.
    const problem = host && application.mode ? hostModeProblem(host, application.mode) : null;
    if (problem) problems.add(['form', 'hostPreferences', String(index), 'institution'], problem);
    if (host) await tx.hostPreference.update({ where: { id: preference.id }, data: { hostInstitutionId: host.id } });
  }
  problems.throwIfAny();
  const unlisted = names.filter((name) => !hosts.has(name));
  if (unlisted.length) {
    await tx.hostProposal.createMany({ data: unlisted.map((name) => ({ name, proposedAt: now })), skipDuplicates: true });
  }
}

/** Links every unlinked preference (and training record) that names `host`, once it is listed. */
export async function linkPreferencesNaming(tx: Transaction, host: Pick<HostInstitution, 'id'>, names: readonly string[]): Promise<number> {
  const list = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
  let linked = 0;
  for (const name of list) {
    linked += await tx.$executeRaw`
      UPDATE "HostPreference" SET "hostInstitutionId" = ${host.id}::uuid
      WHERE "hostInstitutionId" IS NULL AND btrim("institution") = ${name}`;
    await tx.$executeRaw`
      UPDATE "TrainingRecord" SET "hostInstitutionId" = ${host.id}::uuid
      WHERE "hostInstitutionId" IS NULL AND btrim("hostInstitution") = ${name}`;
  }
  return linked;
}
