// 培养单位分配 (issue #14, item 3): which selected trainee trains at which host institution.
// Pure: the placement service gathers the round's selected trainees, their form-3 preferences
// and each host's places, calls placeTrainees, and stores the result as a proposal the admin
// adjusts and confirms. No database, no clock, no randomness here, so the same round always
// gives the same proposal and the tests can check every property on many random rounds.
import type { TrainingMode } from '@tepei/db/enums';
import { FieldProblems } from '../../errors/domain-errors.ts';

/** Form 3 allows up to 3 host institutions, ranked 1 (first choice) to 3. */
export const maxPreferenceRank = 3;

export interface TraineePreference {
  hostId: string;
  /** 1 is the trainee's first choice; ranks need not be contiguous (1 and 3 is fine). */
  rank: number;
}

export interface PlacementTrainee {
  id: string;
  mode: TrainingMode;
  preferences: readonly TraineePreference[];
  /**
   * The last word between two trainees a host ranks equally (same agreement, same preference
   * rank): the smaller string wins, compared by UTF-16 code units (not by locale, so the
   * result does not depend on the machine). Pass something the admin can explain, such as the
   * trainee number (学员编号): the tie then goes to the earlier number. The trainee id breaks a
   * tie left after that.
   */
  tieBreak: string;
}

export interface PlacementHost {
  id: string;
  /** Places this host offers in the round, per training mode; a mode with 0 takes no one. */
  places: Readonly<Record<TrainingMode, number>>;
  /** Trainees the host has already agreed to receive (form 3's 接收意向, or a confirmed proposal). */
  agreedTraineeIds: ReadonlySet<string>;
}

export interface PlacementInput {
  trainees: readonly PlacementTrainee[];
  hosts: readonly PlacementHost[];
}

export interface PlacementAssignment {
  traineeId: string;
  hostId: string;
  /** The rank the trainee gave this host on form 3: 1 means they got their first choice. */
  preferenceRank: number;
  mode: TrainingMode;
}

export type UnplacedReason = 'NO_PREFERENCES' | 'NO_PLACES_IN_MODE' | 'ALL_PREFERENCES_FULL';

/** Why a trainee was left unplaced, worded for the regional admin who places them by hand. */
export const unplacedReasonLabels: Record<UnplacedReason, string> = {
  NO_PREFERENCES: '未填写志愿',
  NO_PLACES_IN_MODE: '所填志愿均无该培养方式名额',
  ALL_PREFERENCES_FULL: '所填志愿名额已满',
};

export interface UnplacedTrainee {
  traineeId: string;
  reason: UnplacedReason;
}

export interface PlacementResult {
  /** Sorted by trainee id. */
  assignments: PlacementAssignment[];
  /** Sorted by trainee id. */
  unplaced: UnplacedTrainee[];
}

/**
 * Places trainees at hosts by trainee-proposing deferred acceptance (Gale–Shapley).
 *
 * Each host's places are counted per training mode, and a trainee competes only for places in
 * their own mode (异地培养 or 当地培养): a preferred host without places in that mode is passed
 * over. Every unplaced trainee applies to the best preference not yet tried; every host holds,
 * per mode, the applicants it ranks best up to its places and turns away the rest, who then
 * apply to their next preference. It ends when no one is left to apply.
 *
 * A host ranks its applicants by, in order:
 *   1. whether the host has already agreed to receive them (agreed first);
 *   2. the rank the trainee gave this host (who put it first comes before who put it second);
 *   3. tieBreak, the smaller string first (by code units), then the trainee id.
 *
 * The result is stable: no trainee and host would both rather be matched to each other — there
 * is no trainee who listed a host above their placement (or is unplaced) while that host has a
 * free place in the trainee's mode or holds someone it ranks below them. Of all stable
 * placements it is the best one for every trainee at once. The order of the input does not
 * matter. Invalid input is refused with a ValidationFailedError naming each problem's path.
 */
export function placeTrainees(input: PlacementInput): PlacementResult {
  assertValidInput(input);

  const hostsById = new Map(input.hosts.map((host) => [host.id, host]));
  // Sorted so that nothing, not even the order of proposals, depends on the input's order.
  const trainees = [...input.trainees].sort((a, b) => compareStrings(a.id, b.id));

  const applicants = trainees.map((trainee) => ({
    trainee,
    // The preferences this trainee can actually apply to, best first.
    choices: [...trainee.preferences]
      .sort((a, b) => a.rank - b.rank)
      .filter((preference) => hostsById.get(preference.hostId)!.places[trainee.mode] > 0),
    tried: 0,
    heldBy: undefined as TraineePreference | undefined,
  }));
  type Applicant = (typeof applicants)[number];

  // Whom each host holds in each mode, best first.
  const held = new Map(input.hosts.map((host) => [host.id, { REMOTE: [] as Applicant[], LOCAL: [] as Applicant[] }]));

  const free = applicants.filter((applicant) => applicant.choices.length > 0).reverse();
  while (free.length) {
    const applicant = free.pop()!;
    const preference = applicant.choices[applicant.tried++];
    if (!preference) continue; // every choice has turned them away
    const host = hostsById.get(preference.hostId)!;
    const holding = held.get(host.id)![applicant.trainee.mode];

    const below = holding.findIndex((other) => compareApplicants(host, applicant, other) < 0);
    holding.splice(below < 0 ? holding.length : below, 0, applicant);
    applicant.heldBy = preference;
    if (holding.length > host.places[applicant.trainee.mode]) {
      const turnedAway = holding.pop()!;
      turnedAway.heldBy = undefined;
      free.push(turnedAway);
    }
  }

  const assignments: PlacementAssignment[] = [];
  const unplaced: UnplacedTrainee[] = [];
  for (const { trainee, choices, heldBy } of applicants) {
    if (heldBy) {
      assignments.push({ traineeId: trainee.id, hostId: heldBy.hostId, preferenceRank: heldBy.rank, mode: trainee.mode });
    } else {
      const reason = trainee.preferences.length === 0 ? 'NO_PREFERENCES' : choices.length === 0 ? 'NO_PLACES_IN_MODE' : 'ALL_PREFERENCES_FULL';
      unplaced.push({ traineeId: trainee.id, reason });
    }
  }
  return { assignments, unplaced };
}

/** How a host ranks two applicants (negative: a before b); see placeTrainees. */
function compareApplicants(
  host: PlacementHost,
  a: { trainee: PlacementTrainee },
  b: { trainee: PlacementTrainee },
): number {
  const agreed = Number(host.agreedTraineeIds.has(b.trainee.id)) - Number(host.agreedTraineeIds.has(a.trainee.id));
  if (agreed) return agreed;
  const rank = rankGiven(a.trainee, host.id) - rankGiven(b.trainee, host.id);
  if (rank) return rank;
  return compareStrings(a.trainee.tieBreak, b.trainee.tieBreak) || compareStrings(a.trainee.id, b.trainee.id);
}

function rankGiven(trainee: PlacementTrainee, hostId: string): number {
  return trainee.preferences.find((preference) => preference.hostId === hostId)!.rank;
}

/** By UTF-16 code units: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertValidInput({ trainees, hosts }: PlacementInput): void {
  const problems = new FieldProblems();

  const hostIds = new Set<string>();
  hosts.forEach((host, index) => {
    if (hostIds.has(host.id)) problems.add(['hosts', String(index), 'id'], `培养单位 ${host.id} 重复`);
    hostIds.add(host.id);
    for (const mode of ['REMOTE', 'LOCAL'] as const) {
      const places = host.places[mode];
      if (!Number.isInteger(places) || places < 0) {
        problems.add(['hosts', String(index), 'places', mode], `名额应为不小于 0 的整数，收到 ${places}`);
      }
    }
  });

  const traineeIds = new Set<string>();
  trainees.forEach((trainee, index) => {
    const at = ['trainees', String(index)];
    if (traineeIds.has(trainee.id)) problems.add([...at, 'id'], `学员 ${trainee.id} 重复`);
    traineeIds.add(trainee.id);
    if (trainee.mode !== 'REMOTE' && trainee.mode !== 'LOCAL') problems.add([...at, 'mode'], `未知的培养方式 ${String(trainee.mode)}`);

    const listedHosts = new Set<string>();
    const listedRanks = new Set<number>();
    trainee.preferences.forEach((preference, position) => {
      const path = [...at, 'preferences', String(position)];
      if (!hostIds.has(preference.hostId)) problems.add([...path, 'hostId'], `培养单位 ${preference.hostId} 不在本次分配的培养单位中`);
      if (listedHosts.has(preference.hostId)) problems.add([...path, 'hostId'], `同一培养单位 ${preference.hostId} 填报了不止一次`);
      listedHosts.add(preference.hostId);
      if (!Number.isInteger(preference.rank) || preference.rank < 1 || preference.rank > maxPreferenceRank) {
        problems.add([...path, 'rank'], `志愿序号应为 1 至 ${maxPreferenceRank}，收到 ${preference.rank}`);
      } else if (listedRanks.has(preference.rank)) {
        problems.add([...path, 'rank'], `志愿序号 ${preference.rank} 重复`);
      }
      listedRanks.add(preference.rank);
    });
  });

  problems.throwIfAny();
}
