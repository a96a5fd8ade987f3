// Who applied in each round, from which unit, in which mode, and how far each got.
// 2023, 2024 and 2025 are closed: every application reached a final outcome, and never more
// were selected than the quota of each mode and area. The open round is mid-review: nothing
// decided yet.
import type { ApplicationStatus, TrainingMode } from '../src/client.ts';
import { type FilledForms, type FormChoices, fillForms } from './application-form.ts';
import { beijingInstant, randomInstant } from './calendar.ts';
import { type EdgeCase, type EdgeCaseName, edgeCaseIdNumber, edgeCases } from './edge-cases.ts';
import { type HistoryChoices, statusPath } from './history.ts';
import { newPerson, type Person } from './people.ts';
import { Random, seedId } from './random.ts';
import { type QuotaTable, type SeedRound, trainingModes } from './rounds.ts';
import { type AreaRef, type SeedUnit, unitByName } from './units.ts';

export interface PlannedApplication {
  /** Stable key all of this application's ids derive from. */
  key: string;
  id: string;
  round: SeedRound;
  unit: SeedUnit;
  mode: TrainingMode;
  person: Person;
  forms: FilledForms;
  path: ApplicationStatus[];
  history: HistoryChoices;
  /** Open round only: the applicant's account (their ID number, or a demo name). */
  username: string | null;
  scenario?: EdgeCaseName;
  /** `failedAssessment`: completed the year but assessed 不合格, so no certificate. */
  training?: { startedOn: string; plannedEndOn: string; completedOn: string | null; failedAssessment?: true };
  abandonment?: { reason: string; listedAt: Date };
}

export interface Population {
  areas: readonly AreaRef[];
  units: readonly SeedUnit[];
  /** Every ID number handed out so far, so a new person never takes one. */
  takenIdNumbers: Set<string>;
}

function pickUnit(random: Random, units: readonly SeedUnit[]): SeedUnit {
  return random.weighted(units.map((unit) => [unit, unit.weight] as const));
}

function plan(
  round: SeedRound,
  unit: SeedUnit,
  mode: TrainingMode,
  person: Person,
  choices: FormChoices = {},
): PlannedApplication {
  const key = `application:${round.year}:${person.idNumber}`;
  return {
    key,
    id: seedId(key),
    round,
    unit,
    mode,
    person,
    forms: fillForms(Random.stream(`${key}:forms`), round, unit, mode, person, choices),
    path: ['DRAFT'],
    history: {},
    username: null,
  };
}

function unitsOf(population: Population, areaCode: string, barred: ReadonlySet<string>): SeedUnit[] {
  const units = population.units.filter((unit) => unit.areaCode === areaCode && !barred.has(unit.id));
  if (units.length === 0) throw new Error(`area ${areaCode} has no unit that may send applicants`);
  return units;
}

// ───────────── the closed rounds ─────────────

type ClosedOutcome = 'SELECTED' | 'NOT_SELECTED' | 'EMPLOYER_REJECTED' | 'PREFECTURE_REJECTED' | 'WITHDRAWN';

const notSelectedOutcomes: readonly (readonly [ClosedOutcome, number])[] = [
  ['NOT_SELECTED', 47], ['EMPLOYER_REJECTED', 25], ['PREFECTURE_REJECTED', 20], ['WITHDRAWN', 8],
];

export interface Abandonment {
  after: 'SELECTED' | 'ORIENTATION_ATTENDED';
  at: Date;
  listedAt: Date;
  reason: string;
}

/** What sets one closed round's story apart from the others'. */
export interface ClosedRoundStory {
  /** Trainees who gave up after selection (放弃): applicant and unit on the blacklist for 5 years. */
  abandonments: readonly Abandonment[];
  /** Trainees whose host took them late, still in training. */
  lateStarters: number;
  /** Share of trainees who finished the year but were assessed 不合格 (no certificate). */
  failedShare: number;
  /** Unsuccessful applicants of an earlier round who apply again, each in their unit, area and mode. */
  returning: readonly PlannedApplication[];
}

export const story2025: ClosedRoundStory = {
  abandonments: [
    { after: 'SELECTED', at: beijingInstant('2025-04-28', '11:20:00.000'), listedAt: beijingInstant('2025-05-08', '10:00:00.000'), reason: '入选后本人以家庭原因为由放弃培养' },
    { after: 'ORIENTATION_ATTENDED', at: beijingInstant('2025-05-26', '15:00:00.000'), listedAt: beijingInstant('2025-06-05', '10:00:00.000'), reason: '参加训前培训后擅自变更培养安排，放弃培养' },
  ],
  lateStarters: 5,
  failedShare: 0,
  returning: [],
};

/**
 * 2023 and 2024 are told complete: every trainee placed, trained and assessed, nobody still in
 * training. No abandonment, so that no listing of theirs bars anyone in the rounds after.
 */
export function earlierRoundStory(returning: readonly PlannedApplication[]): ClosedRoundStory {
  return { abandonments: [], lateStarters: 0, failedShare: 0.02, returning };
}

/** The unsuccessful applicants of `earlier` who may try again in `round`: still young enough, their unit not barred. */
export function mayApplyAgain(earlier: readonly PlannedApplication[], round: SeedRound, barred: ReadonlySet<string>): PlannedApplication[] {
  return earlier.filter(
    (application) =>
      (application.path.at(-1) === 'NOT_SELECTED' || application.path.at(-1) === 'PREFECTURE_REJECTED') &&
      application.person.birthDate >= round.ageCutoffDate &&
      !barred.has(application.unit.id),
  );
}

export interface HistoricPlan {
  applications: PlannedApplication[];
  /** Units whose trainee abandoned: on the blacklist for 5 years. */
  abandonedUnitIds: Set<string>;
}

/**
 * Each area and mode gets about 1.75 applications per place; the selected come close to the
 * allocation without passing it (sometimes one short). Decisions in April, orientation on
 * 20 May, training from 1 June for a year, completion recorded in June of the next year.
 */
export function planHistoricRound(
  round: SeedRound,
  quota: QuotaTable,
  population: Population,
  barred: ReadonlySet<string>,
  /** Units the open round's scenarios need eligible: no abandonment may bar them. */
  keepEligible: ReadonlySet<string>,
  story: ClosedRoundStory,
): HistoricPlan {
  const { year } = round;
  const decisionsFrom = beijingInstant(`${year}-04-08`, '09:00:00.000');
  const decisionsUntil = beijingInstant(`${year}-04-18`, '18:00:00.000');
  const orientationEnds = beijingInstant(`${year}-05-20`, '17:30:00.000');
  const random = Random.stream(`applications:${year}`);
  const outcomes = new Map<PlannedApplication, ClosedOutcome>();
  const applications: PlannedApplication[] = [];
  for (const mode of trainingModes) {
    for (const area of population.areas) {
      const places = quota.get(mode)!.get(area.code)!;
      const count = Math.round(places * (1.6 + random.float() * 0.3));
      const units = unitsOf(population, area.code, barred);
      const group = Array.from({ length: count }, () => {
        const unit = pickUnit(random, units);
        const person = newPerson(random, {
          areaCode: area.code,
          isSouthernXinjiang: area.isSouthernXinjiang,
          roundYear: round.year,
          ageCutoffDate: round.ageCutoffDate,
          taken: population.takenIdNumbers,
        });
        return plan(round, unit, mode, person);
      });
      for (const earlier of story.returning) {
        if (earlier.mode === mode && earlier.unit.areaCode === area.code) group.push(plan(round, earlier.unit, mode, earlier.person));
      }
      const selected = Math.min(places - (random.chance(0.35) ? 1 : 0), group.length - 1);
      random.shuffle(group).forEach((application, index) => {
        outcomes.set(application, index < selected ? 'SELECTED' : random.weighted(notSelectedOutcomes));
      });
      applications.push(...group);
    }
  }

  const selected = applications.filter((application) => outcomes.get(application) === 'SELECTED');
  // Abandonment blacklists the unit too: take trainees of units in areas with other units left.
  const abandonable = selected.filter(
    (application) =>
      !keepEligible.has(application.unit.id) &&
      population.units.filter((unit) => unit.areaCode === application.unit.areaCode).length >= 4,
  );
  const abandoning = random.sample(abandonable, story.abandonments.length);
  const abandoningUnits = new Set(abandoning.map((application) => application.unit.id));
  const late = new Set(random.sample(selected.filter((application) => !abandoning.includes(application)), story.lateStarters));

  for (const application of applications) {
    const outcome = outcomes.get(application)!;
    const steps = Random.stream(`${application.key}:path`);
    const decidedAt = randomInstant(steps, decisionsFrom, decisionsUntil);
    if (outcome !== 'SELECTED') {
      application.path = statusPath(steps, outcome);
      if (outcome === 'NOT_SELECTED') application.history = { fixedTimes: { NOT_SELECTED: decidedAt } };
      continue;
    }
    const attendedAt = new Date(orientationEnds.getTime() + steps.int(0, 30 * 60_000));
    const abandonment = story.abandonments[abandoning.indexOf(application)];
    if (abandonment) {
      application.path = [...statusPath(steps, abandonment.after), 'ABANDONED'];
      application.history = {
        fixedTimes: { SELECTED: decidedAt, ORIENTATION_ATTENDED: attendedAt, ABANDONED: abandonment.at },
        finalNote: { reason: abandonment.reason, findings: [] },
      };
      application.abandonment = { reason: abandonment.reason, listedAt: abandonment.listedAt };
      continue;
    }
    const startedOn = late.has(application) ? `${year}-12-01` : `${year}-06-01`;
    const completed = !late.has(application);
    application.path = statusPath(steps, completed ? 'COMPLETED' : 'IN_TRAINING');
    application.history = {
      fixedTimes: {
        SELECTED: decidedAt,
        ORIENTATION_ATTENDED: attendedAt,
        IN_TRAINING: beijingInstant(startedOn, `${String(steps.int(9, 17)).padStart(2, '0')}:${String(steps.int(0, 59)).padStart(2, '0')}:00.000`),
        COMPLETED: randomInstant(steps, beijingInstant(`${year + 1}-06-08`, '09:00:00.000'), beijingInstant(`${year + 1}-06-19`, '18:00:00.000')),
      },
    };
    application.training = {
      startedOn,
      plannedEndOn: completed ? `${year + 1}-05-31` : `${year + 1}-11-30`,
      completedOn: completed ? `${year + 1}-05-31` : null,
    };
    // Drawn only where the story has failures, so that 2025's streams draw as they always did.
    if (completed && story.failedShare > 0 && steps.chance(story.failedShare)) application.training.failedAssessment = true;
  }
  return { applications, abandonedUnitIds: abandoningUnits };
}

/** How many of 2023's unsuccessful applicants try again in 2024. */
const returningToEarlierRound = 15;

/**
 * The rounds before 2025, each built as 2025 is (its own streams, `applications:<year>`), told
 * complete (earlierRoundStory), with a few of the round before's unsuccessful applicants
 * trying again. Drawn after the later rounds, so that their people take no ID number those
 * rounds drew and none of them applies in 2025 or the open round.
 */
export function planEarlierRounds(
  rounds: readonly SeedRound[],
  quotas: ReadonlyMap<string, QuotaTable>,
  population: Population,
  barred: ReadonlySet<string>,
): PlannedApplication[] {
  const applications: PlannedApplication[] = [];
  for (const round of rounds) {
    const again = Random.stream(`returning:${round.year}`).sample(mayApplyAgain(applications, round, barred), returningToEarlierRound);
    applications.push(...planHistoricRound(round, quotas.get(round.id)!, population, barred, new Set(), earlierRoundStory(again)).applications);
  }
  return applications;
}

// ───────────── the open round ─────────────

/** How the open round's applications stand mid-review (the benchmark draws from it too). */
export const openRoundStatuses: readonly (readonly [ApplicationStatus, number])[] = [
  ['DRAFT', 12], ['SUBMITTED', 17], ['RETURNED_TO_APPLICANT', 6], ['ENDORSED', 19], ['RETURNED_TO_EMPLOYER', 4],
  ['EMPLOYER_REJECTED', 6], ['PREFECTURE_REJECTED', 5], ['RECOMMENDED', 27], ['WITHDRAWN', 4],
];

/** How many 2025 applicants who were not chosen try again. */
const returningApplicants = 20;

function planEdgeCase(round: SeedRound, population: Population, edgeCase: EdgeCase): PlannedApplication {
  const unit = unitByName(population.units, edgeCase.unitName);
  const { name, gender, ethnicity, birthDate } = edgeCase.person;
  const person: Person = { name, gender, ethnicity, birthDate, idNumber: edgeCaseIdNumber(edgeCase) };
  const application = plan(round, unit, edgeCase.mode, person, {
    education: edgeCase.education,
    titleLevel: edgeCase.titleLevel,
    trainingSpecialty: edgeCase.trainingSpecialty,
    earlierTraining: edgeCase.earlierTraining,
  });
  application.path = statusPath(Random.stream(`${application.key}:path`), edgeCase.status, false);
  application.history = { finalNote: edgeCase.finalNote, endorsementFindings: edgeCase.endorsementFindings };
  application.username = edgeCase.username ?? person.idNumber;
  application.scenario = edgeCase.name;
  return application;
}

/** Reserve the scenarios' ID numbers before anyone else draws one. */
export function reserveEdgeCaseIdNumbers(roundYear: number, taken: Set<string>): void {
  for (const edgeCase of edgeCases(roundYear)) taken.add(edgeCaseIdNumber(edgeCase));
}

/**
 * About two applications per place, spread like 2025, plus the scenarios and some of 2025's
 * unsuccessful applicants trying again. `barred` units (on the blacklist) send nobody except
 * the scenario that shows a barred unit.
 */
export function planOpenRound(
  round: SeedRound,
  quota: QuotaTable,
  population: Population,
  barred: ReadonlySet<string>,
  earlier: readonly PlannedApplication[],
): PlannedApplication[] {
  const random = Random.stream(`applications:${round.year}`);
  const applications = edgeCases(round.year).map((edgeCase) => planEdgeCase(round, population, edgeCase));

  for (const returning of random.sample(mayApplyAgain(earlier, round, barred), returningApplicants)) {
    const application = plan(round, returning.unit, random.pick(trainingModes), returning.person);
    application.path = statusPath(Random.stream(`${application.key}:path`), random.weighted(openRoundStatuses));
    application.username = returning.person.idNumber;
    applications.push(application);
  }

  for (const mode of trainingModes) {
    for (const area of population.areas) {
      const places = quota.get(mode)!.get(area.code)!;
      const already = applications.filter((application) => application.mode === mode && application.unit.areaCode === area.code).length;
      const count = Math.max(Math.round(places * (1.8 + random.float() * 0.4)) - already, 2);
      const units = unitsOf(population, area.code, barred);
      for (let i = 0; i < count; i++) {
        const person = newPerson(random, {
          areaCode: area.code,
          isSouthernXinjiang: area.isSouthernXinjiang,
          roundYear: round.year,
          ageCutoffDate: round.ageCutoffDate,
          taken: population.takenIdNumbers,
        });
        const application = plan(round, pickUnit(random, units), mode, person);
        application.path = statusPath(Random.stream(`${application.key}:path`), random.weighted(openRoundStatuses));
        application.username = person.idNumber;
        applications.push(application);
      }
    }
  }
  return applications;
}
