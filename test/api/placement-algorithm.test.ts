// 培养单位分配 (issue #14, item 3): the placement rule on its own, without a database.
// The properties are checked against the rule as DOMAIN-level statements written here again
// (host ranking, blocking pairs), not against the module's own helpers, so a mistake in the
// module cannot hide behind itself.
import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '@tepei/api/errors/domain-errors';
import {
  placeTrainees,
  unplacedReasonLabels,
  type PlacementHost,
  type PlacementInput,
  type PlacementResult,
  type PlacementTrainee,
} from '@tepei/api/modules/placement/deferred-acceptance';

type Mode = PlacementTrainee['mode'];
const modes: readonly Mode[] = ['REMOTE', 'LOCAL'];

function host(id: string, places: Partial<Record<Mode, number>>, agreed: string[] = []): PlacementHost {
  return { id, places: { REMOTE: places.REMOTE ?? 0, LOCAL: places.LOCAL ?? 0 }, agreedTraineeIds: new Set(agreed) };
}

/** hostIds in order of preference: the first gets rank 1. */
function trainee(id: string, mode: Mode, tieBreak: string, hostIds: string[]): PlacementTrainee {
  return { id, mode, tieBreak, preferences: hostIds.map((hostId, index) => ({ hostId, rank: index + 1 })) };
}

// ─────────────────────────────── the rule, stated again ───────────────────────────────

/** The rank t gave h, or undefined when t did not list h. */
const rankGiven = (t: PlacementTrainee, hostId: string) => t.preferences.find((p) => p.hostId === hostId)?.rank;

/** True when host h ranks trainee a above trainee b: agreed, then rank given, then tieBreak, then id. */
function hostPrefers(h: PlacementHost, a: PlacementTrainee, b: PlacementTrainee): boolean {
  const key = (t: PlacementTrainee) => [h.agreedTraineeIds.has(t.id) ? 0 : 1, rankGiven(t, h.id)!, t.tieBreak, t.id] as const;
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
  return false;
}

/** A placement as traineeId → hostId (absent: unplaced). */
type Matching = ReadonlyMap<string, string>;
const matchingOf = (result: PlacementResult): Matching => new Map(result.assignments.map((a) => [a.traineeId, a.hostId]));

/** What a trainee thinks of being at hostId (lower is better; unplaced is worst). */
const value = (t: PlacementTrainee, hostId: string | undefined) => (hostId === undefined ? Infinity : rankGiven(t, hostId)!);

/** Every trainee–host pair that would both rather be matched to each other. */
function blockingPairs({ trainees, hosts }: PlacementInput, matching: Matching): string[] {
  const byId = new Map(trainees.map((t) => [t.id, t]));
  const pairs: string[] = [];
  for (const t of trainees) {
    for (const { hostId } of t.preferences) {
      const h = hosts.find((candidate) => candidate.id === hostId)!;
      if (h.places[t.mode] === 0 || value(t, hostId) >= value(t, matching.get(t.id))) continue;
      const holds = [...matching].filter(([other, at]) => at === hostId && byId.get(other)!.mode === t.mode).map(([other]) => byId.get(other)!);
      if (holds.length < h.places[t.mode] || holds.some((other) => hostPrefers(h, t, other))) pairs.push(`${t.id}–${hostId}`);
    }
  }
  return pairs;
}

/** Host–mode pairs holding more trainees than their places. */
function capacityOverruns({ trainees, hosts }: PlacementInput, matching: Matching): string[] {
  const modeOf = new Map(trainees.map((t) => [t.id, t.mode]));
  return hosts.flatMap((h) =>
    modes
      .map((mode) => ({ mode, held: [...matching].filter(([t, at]) => at === h.id && modeOf.get(t) === mode).length }))
      .filter(({ mode, held }) => held > h.places[mode])
      .map(({ mode, held }) => `${h.id}/${mode}: ${held} > ${h.places[mode]}`),
  );
}

/** Every trainee is either placed once, at a host they listed with places in their mode and the rank they gave it, or unplaced once. */
function accountingProblems({ trainees, hosts }: PlacementInput, result: PlacementResult): string[] {
  const problems: string[] = [];
  const seen = [...result.assignments.map((a) => a.traineeId), ...result.unplaced.map((u) => u.traineeId)];
  if (new Set(seen).size !== seen.length || seen.length !== trainees.length) problems.push(`trainees accounted: ${seen.join(',')}`);
  for (const a of result.assignments) {
    const t = trainees.find((candidate) => candidate.id === a.traineeId)!;
    const h = hosts.find((candidate) => candidate.id === a.hostId)!;
    if (rankGiven(t, a.hostId) !== a.preferenceRank || a.mode !== t.mode || h.places[t.mode] === 0) problems.push(`bad assignment ${JSON.stringify(a)}`);
  }
  return problems;
}

// ─────────────────────────────── a seeded generator ───────────────────────────────

function seededRandom(seed: number): () => number {
  // mulberry32: the same instances on every run, so a failure can be replayed.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * A random round: few tie-break values so ties reach the id, places 0–maxPlaces per mode,
 * 0–3 preferences (at least minPreferences where there are hosts enough) with ranks drawn from
 * 1..3 (gaps allowed), each listed host agreeing to receive the trainee with a chance that may
 * depend on the rank the trainee gave it (a fifth unless told).
 */
function randomInstance(
  random: () => number,
  size: { trainees: number; hosts: number; maxPlaces: number; agreedChance?: (rank: number) => number; remoteChance?: number; minPreferences?: number },
): PlacementInput {
  const int = (below: number) => Math.floor(random() * below);
  const hostIds = Array.from({ length: size.hosts }, (_, i) => `h${i}`);
  const trainees: PlacementTrainee[] = Array.from({ length: size.trainees }, (_, i) => {
    const most = Math.min(3, size.hosts);
    const least = Math.min(size.minPreferences ?? 0, most);
    const listed = shuffled(hostIds, random).slice(0, least + int(most - least + 1));
    const ranks = shuffled([1, 2, 3], random).slice(0, listed.length).sort();
    return {
      id: `t${i}`,
      mode: random() < (size.remoteChance ?? 0.5) ? 'REMOTE' : 'LOCAL',
      tieBreak: `n${int(3)}`,
      preferences: listed.map((hostId, k) => ({ hostId, rank: ranks[k]! })),
    };
  });
  const hosts = hostIds.map((id) =>
    host(
      id,
      { REMOTE: int(size.maxPlaces + 1), LOCAL: int(size.maxPlaces + 1) },
      trainees.filter((t) => rankGiven(t, id) !== undefined && random() < (size.agreedChance?.(rankGiven(t, id)!) ?? 0.2)).map((t) => t.id),
    ),
  );
  return { trainees, hosts };
}

/** The same round written in another order: trainees, hosts, preference lists and agreement sets. */
function reordered(input: PlacementInput, random: () => number): PlacementInput {
  return {
    trainees: shuffled(input.trainees, random).map((t) => ({ ...t, preferences: shuffled(t.preferences, random) })),
    hosts: shuffled(input.hosts, random).map((h) => ({ ...h, agreedTraineeIds: new Set(shuffled([...h.agreedTraineeIds], random)) })),
  };
}

/** Every placement that respects places and modes, each trainee at a listed host or nowhere. */
function allMatchings({ trainees, hosts }: PlacementInput): Matching[] {
  const placesOf = (hostId: string, mode: Mode) => hosts.find((h) => h.id === hostId)!.places[mode];
  const options = trainees.map((t) => [undefined, ...t.preferences.filter((p) => placesOf(p.hostId, t.mode) > 0).map((p) => p.hostId)]);
  const matchings: Matching[] = [];
  const taken = new Map<string, number>();
  const extend = (index: number, partial: Map<string, string>) => {
    if (index === trainees.length) return void matchings.push(new Map(partial));
    const t = trainees[index]!;
    for (const hostId of options[index]!) {
      if (hostId === undefined) {
        extend(index + 1, partial);
        continue;
      }
      const slot = `${hostId}/${t.mode}`;
      if ((taken.get(slot) ?? 0) === placesOf(hostId, t.mode)) continue;
      taken.set(slot, (taken.get(slot) ?? 0) + 1);
      partial.set(t.id, hostId);
      extend(index + 1, partial);
      partial.delete(t.id);
      taken.set(slot, taken.get(slot)! - 1);
    }
  };
  extend(0, new Map());
  return matchings;
}

// ─────────────────────────────── the tests ───────────────────────────────

describe('placeTrainees (trainee-proposing deferred acceptance)', () => {
  it('places a small round as worked out by hand: agreement first, then preference rank, then the trainee number', () => {
    // Hosts: A has 2 异地 places and has agreed to receive baurzhan; B has 1 异地 and 1 当地 place;
    // C has 1 当地 place and has agreed to receive fatima.
    //
    // 异地 (REMOTE): dilnur A>B (No.001), aygul A>B (No.002), erkin B>A (No.003), baurzhan B>A (No.005).
    //   Round 1: dilnur→A, aygul→A, erkin→B, baurzhan→B. A holds dilnur, aygul (2 places).
    //            B has 1 place: erkin and baurzhan both put B first and B agreed to neither, so
    //            the number decides: erkin (003) stays, baurzhan (005) is turned away — although
    //            'baurzhan' < 'erkin' as ids, the tie-break comes first.
    //   Round 2: baurzhan→A (his 2nd choice). A agreed to receive him, so he ranks above both
    //            first-choosers: A holds baurzhan, dilnur (001 before 002) and turns away aygul.
    //   Round 3: aygul→B (2nd choice). B holds erkin, who put B first, against aygul, who put
    //            it second: the rank beats aygul's earlier number. aygul has no choice left.
    // 当地 (LOCAL): gulnar C>B (No.004), fatima C (No.006).
    //   Round 1: both→C (1 place). C agreed to fatima: she stays, gulnar (earlier number) goes.
    //   Round 2: gulnar→B's 当地 place, free although B's 异地 place is taken: places count per mode.
    // halida listed nothing; ilham (异地) listed only C, which has no 异地 places.
    const input: PlacementInput = {
      hosts: [host('A', { REMOTE: 2 }, ['baurzhan']), host('B', { REMOTE: 1, LOCAL: 1 }), host('C', { LOCAL: 1 }, ['fatima'])],
      trainees: [
        trainee('dilnur', 'REMOTE', '2026-001', ['A', 'B']),
        trainee('aygul', 'REMOTE', '2026-002', ['A', 'B']),
        trainee('erkin', 'REMOTE', '2026-003', ['B', 'A']),
        trainee('gulnar', 'LOCAL', '2026-004', ['C', 'B']),
        trainee('baurzhan', 'REMOTE', '2026-005', ['B', 'A']),
        trainee('fatima', 'LOCAL', '2026-006', ['C']),
        trainee('halida', 'LOCAL', '2026-007', []),
        trainee('ilham', 'REMOTE', '2026-008', ['C']),
      ],
    };

    expect(placeTrainees(input)).toEqual({
      assignments: [
        { traineeId: 'baurzhan', hostId: 'A', preferenceRank: 2, mode: 'REMOTE' },
        { traineeId: 'dilnur', hostId: 'A', preferenceRank: 1, mode: 'REMOTE' },
        { traineeId: 'erkin', hostId: 'B', preferenceRank: 1, mode: 'REMOTE' },
        { traineeId: 'fatima', hostId: 'C', preferenceRank: 1, mode: 'LOCAL' },
        { traineeId: 'gulnar', hostId: 'B', preferenceRank: 2, mode: 'LOCAL' },
      ],
      unplaced: [
        { traineeId: 'aygul', reason: 'ALL_PREFERENCES_FULL' },
        { traineeId: 'halida', reason: 'NO_PREFERENCES' },
        { traineeId: 'ilham', reason: 'NO_PLACES_IN_MODE' },
      ],
    });
    expect(unplacedReasonLabels).toEqual({
      NO_PREFERENCES: '未填写志愿',
      NO_PLACES_IN_MODE: '所填志愿均无该培养方式名额',
      ALL_PREFERENCES_FULL: '所填志愿名额已满',
    });
  });

  it('breaks a tie of equal trainee numbers by trainee id', () => {
    const input: PlacementInput = {
      hosts: [host('A', { LOCAL: 1 })],
      trainees: [trainee('t2', 'LOCAL', 'same', ['A']), trainee('t1', 'LOCAL', 'same', ['A'])],
    };
    expect(placeTrainees(input).assignments.map((a) => a.traineeId)).toEqual(['t1']);
  });

  it('leaves no blocking pair, never exceeds a host’s places in a mode, and accounts for every trainee, over 500 random rounds', () => {
    const random = seededRandom(20260901);
    for (let n = 0; n < 500; n++) {
      const input = randomInstance(random, { trainees: 1 + Math.floor(random() * 40), hosts: 1 + Math.floor(random() * 8), maxPlaces: 3 });
      const result = placeTrainees(input);
      const matching = matchingOf(result);
      expect({ instance: n, blocking: blockingPairs(input, matching) }).toEqual({ instance: n, blocking: [] });
      expect({ instance: n, overruns: capacityOverruns(input, matching) }).toEqual({ instance: n, overruns: [] });
      expect({ instance: n, problems: accountingProblems(input, result) }).toEqual({ instance: n, problems: [] });
    }
  });

  it('gives the same result whatever the order of trainees, hosts, preferences and agreements', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 200; n++) {
      const input = randomInstance(random, { trainees: 30, hosts: 6, maxPlaces: 4 });
      const expected = placeTrainees(input);
      for (let k = 0; k < 3; k++) expect(placeTrainees(reordered(input, random))).toEqual(expected);
    }
  });

  it('is stable and best for every trainee among all stable placements, found by brute force on tiny rounds', () => {
    const random = seededRandom(1949);
    let roundsWithSeveralStablePlacements = 0;
    for (let n = 0; n < 600; n++) {
      // Hosts rank first those who put them first, so trainees and hosts mostly want the same and
      // there is one stable placement; a host agreeing to receive someone who put it second or
      // third (接收意向) is what makes them differ, so these rounds have many such agreements.
      const size = { trainees: 2 + Math.floor(random() * 5), hosts: 2 + Math.floor(random() * 2), maxPlaces: 2, agreedChance: (rank: number) => (rank > 1 ? 0.6 : 0), remoteChance: 1, minPreferences: 2 };
      const input = randomInstance(random, size);
      const placed = matchingOf(placeTrainees(input));
      const stable = allMatchings(input).filter((matching) => blockingPairs(input, matching).length === 0);
      const key = (matching: Matching) => JSON.stringify([...matching].sort());
      expect(stable.map(key)).toContain(key(placed));
      if (stable.length > 1) roundsWithSeveralStablePlacements++;
      const betterElsewhere = stable.flatMap((other) =>
        input.trainees.filter((t) => value(t, other.get(t.id)) < value(t, placed.get(t.id))).map((t) => `${t.id}@${other.get(t.id)}`),
      );
      expect({ instance: n, betterElsewhere }).toEqual({ instance: n, betterElsewhere: [] });
    }
    // The optimality check means something only if some rounds have a choice between stable placements.
    expect(roundsWithSeveralStablePlacements).toBeGreaterThan(20);
  });

  it('places a round of 400 trainees over 40 hosts in under a second', () => {
    const random = seededRandom(400);
    // 20 hosts outside Xinjiang (异地) and 20 inside (当地), 10 places each: 200 + 200 as in the notice.
    const hosts = Array.from({ length: 40 }, (_, i) =>
      host(`host-${String(i).padStart(2, '0')}`, i < 20 ? { REMOTE: 10 } : { LOCAL: 10 }),
    );
    const trainees: PlacementTrainee[] = Array.from({ length: 400 }, (_, i) => {
      const mode: Mode = i % 2 ? 'LOCAL' : 'REMOTE';
      const own = hosts.filter((h) => h.places[mode] > 0);
      // Popular hosts: choices skewed towards the first few, so many are turned away and re-apply.
      const listed = new Set<string>();
      while (listed.size < 3) listed.add(own[Math.floor(random() ** 2 * own.length)]!.id);
      return trainee(`trainee-${String(i).padStart(3, '0')}`, mode, `2026-${String(i).padStart(3, '0')}`, [...listed]);
    });
    for (const h of hosts.slice(0, 5)) for (const t of trainees.slice(0, 40)) if (rankGiven(t, h.id)) (h.agreedTraineeIds as Set<string>).add(t.id);
    const input = { trainees, hosts };

    const started = performance.now();
    const result = placeTrainees(input);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1000);
    expect(result.assignments.length + result.unplaced.length).toBe(400);
    expect(result.assignments.length).toBeGreaterThan(300);
    expect(blockingPairs(input, matchingOf(result))).toEqual([]);
  });

  it('refuses invalid input with every problem at its field path', () => {
    const input: PlacementInput = {
      hosts: [host('A', { REMOTE: -1, LOCAL: 1 }), host('B', { REMOTE: 1.5 }), host('A', { LOCAL: 1 })],
      trainees: [
        trainee('t1', 'LOCAL', '1', ['A', 'A']),
        trainee('t1', 'REMOTE', '2', ['nowhere']),
        { id: 't3', mode: 'LOCAL', tieBreak: '3', preferences: [{ hostId: 'A', rank: 4 }, { hostId: 'B', rank: 0 }] },
        { id: 't4', mode: 'LOCAL', tieBreak: '4', preferences: [{ hostId: 'A', rank: 1 }, { hostId: 'B', rank: 1 }] },
      ],
    };
    let caught: unknown;
    try {
      placeTrainees(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationFailedError);
    expect((caught as ValidationFailedError).problems.map((problem) => problem.path.join('.'))).toEqual([
      'hosts.0.places.REMOTE',
      'hosts.1.places.REMOTE',
      'hosts.2.id',
      'trainees.0.preferences.1.hostId',
      'trainees.1.id',
      'trainees.1.preferences.0.hostId',
      'trainees.2.preferences.0.rank',
      'trainees.2.preferences.1.rank',
      'trainees.3.preferences.1.rank',
    ]);
  });
});
