// Every step after selection is taken only in the phases of its round that the one table
// (prisma/src/reference/round-phases.ts) gives it: each step is tried by the regional admin in
// a round in each of the eight phases, on a row that is ready for it, and must succeed exactly
// where the table says, be refused as WRONG_ROUND_PHASE (in Chinese, naming both phases)
// elsewhere, and as ROUND_FINISHED in a closed round, changing nothing when refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStepOpen, type RoundPhase, roundPhases, type RoundStep, stepPhases } from '../../prisma/src/reference/round-phases.ts';
import { roundPhaseLabels } from '@tepei/api/modules/rounds/round-phase';
import { startApi, type TestApi } from '../support/api.ts';
import { arrangeProgramme, type Programme } from '../fixtures/programme.ts';
import { insertApplications } from '../fixtures/applications.ts';
import { globalId } from '../support/workflow.ts';

const now = new Date('2026-12-01T10:00:00+08:00');
let api: TestApi;
let programme: Programme;
let admin: string;
let nextYear = 2060;

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  admin = await api.login('admin');
});
afterAll(() => api?.close());

const day = 86_400_000;

/** A round of its own that is in `phase` at `now`: stored stage, or deadlines for the three open phases. */
async function roundIn(phase: RoundPhase): Promise<string> {
  const year = nextYear++;
  const [applicationDeadline, recommendationDeadline] =
    phase === 'APPLICATIONS' ? [now.getTime() + day, now.getTime() + 2 * day] : phase === 'RECOMMENDATIONS' ? [now.getTime() - day, now.getTime() + day] : [now.getTime() - 2 * day, now.getTime() - day];
  const stage = phase === 'APPLICATIONS' || phase === 'RECOMMENDATIONS' || phase === 'SELECTION' ? 'OPEN' : phase;
  const round = await api.prisma.round.create({
    data: { year, name: `${year}年度`, stage, applicationDeadline: new Date(applicationDeadline), recommendationDeadline: new Date(recommendationDeadline), ageCutoffDate: new Date(`${year - 45}-01-01`), shortageSpecialties: [] },
  });
  return round.id;
}

async function traineeIn(roundId: string, status: 'SELECTED' | 'ORIENTATION_ATTENDED' | 'IN_TRAINING') {
  const [id] = await insertApplications(api.prisma, { roundId, unitId: programme.kashgar.unitId, areaId: programme.kashgar.areaId }, 1, status);
  if (status === 'IN_TRAINING') {
    await api.prisma.trainingRecord.create({ data: { applicationId: id!, hostInstitution: '北京协和医院', startedOn: new Date('2025-12-01'), plannedEndOn: new Date('2026-12-01') } });
  }
  return id!;
}

interface Attempt {
  field: string;
  document: string;
  variables: Record<string, unknown>;
  /** What must not have changed when the step is refused. */
  unchanged: () => Promise<unknown>;
}

const statusOf = (id: string) => async () => (await api.prisma.application.findUniqueOrThrow({ where: { id } })).status;

/** Each step of the table, arranged in `roundId` on a row ready for it. */
const attempts: Record<RoundStep, (roundId: string) => Promise<Attempt>> = {
  async placement(roundId) {
    await traineeIn(roundId, 'SELECTED');
    return {
      field: 'proposePlacement',
      document: 'mutation($r: ID!) { proposePlacement(roundId: $r) { __typename ... on Error { code message } } }',
      variables: { r: globalId('Round', roundId) },
      unchanged: () => api.prisma.placement.count({ where: { roundId } }),
    };
  },
  async scheduleOrientation(roundId) {
    // A trainee to orient: without one, a round past its recommendation deadline is finished.
    await traineeIn(roundId, 'SELECTED');
    return {
      field: 'createOrientationSession',
      document: 'mutation($r: ID!) { createOrientationSession(roundId: $r, title: "训前培训", heldOn: "2027-05-20", place: "乌鲁木齐市") { __typename ... on Error { code message } } }',
      variables: { r: globalId('Round', roundId) },
      unchanged: () => api.prisma.orientationSession.count({ where: { roundId } }),
    };
  },
  async recordOrientation(roundId) {
    const id = await traineeIn(roundId, 'SELECTED');
    const session = await api.prisma.orientationSession.create({ data: { roundId, title: '训前培训', heldOn: new Date('2026-11-20'), place: '乌鲁木齐市' } });
    return {
      field: 'recordOrientation',
      document: 'mutation($id: ID!, $s: ID!) { recordOrientation(id: $id, version: 3, sessionId: $s) { __typename ... on Error { code message } } }',
      variables: { id: globalId('Application', id), s: globalId('OrientationSession', session.id) },
      unchanged: statusOf(id),
    };
  },
  async startTraining(roundId) {
    const id = await traineeIn(roundId, 'ORIENTATION_ATTENDED');
    return {
      field: 'startTraining',
      document: 'mutation($id: ID!) { startTraining(id: $id, version: 3, hostInstitution: "北京协和医院", startedOn: "2026-11-25") { __typename ... on Error { code message } } }',
      variables: { id: globalId('Application', id) },
      unchanged: statusOf(id),
    };
  },
  async completeTraining(roundId) {
    const id = await traineeIn(roundId, 'IN_TRAINING');
    return {
      field: 'completeTraining',
      document: 'mutation($id: ID!) { completeTraining(id: $id, version: 3, completedOn: "2026-11-30", assessment: QUALIFIED) { __typename ... on Error { code message } } }',
      variables: { id: globalId('Application', id) },
      unchanged: statusOf(id),
    };
  },
};

describe('the steps after selection, in the phases of their round', () => {
  it('covers every step of the table, and the table only names phases a round has', () => {
    expect(Object.keys(attempts).sort()).toEqual(Object.keys(stepPhases).sort());
    for (const phases of Object.values(stepPhases)) for (const phase of phases) expect(roundPhases).toContain(phase);
  });

  for (const step of Object.keys(stepPhases) as RoundStep[]) {
    it(`takes ${step} in ${stepPhases[step].join(', ')} and refuses it in every other phase`, async () => {
      for (const phase of roundPhases) {
        const roundId = await roundIn(phase);
        const attempt = await attempts[step](roundId);
        const before = await attempt.unchanged();
        const response = await api.gql(attempt.document, attempt.variables, admin);
        expect(response.errors, `${step} in ${phase}`).toBeUndefined();
        const answer = response.data[attempt.field];
        if (isStepOpen(step, phase)) {
          expect(answer.__typename, `${step} in ${phase}: ${JSON.stringify(answer)}`).toMatch(/Success$/);
          continue;
        }
        if (phase === 'CLOSED' && step !== 'placement') {
          expect(answer, `${step} in ${phase}`).toMatchObject({ __typename: 'RoundFinishedError', code: 'ROUND_FINISHED' });
        } else {
          expect(answer, `${step} in ${phase}`).toMatchObject({ __typename: 'RoundPhaseError', code: 'WRONG_ROUND_PHASE' });
          expect(answer.message).toContain(`当前为“${roundPhaseLabels[phase]}”阶段`);
          expect(answer.message).toContain(`“${roundPhaseLabels[stepPhases[step][0]]}”`);
        }
        expect(await attempt.unchanged(), `${step} in ${phase} changed nothing`).toEqual(before);
      }
    });
  }
});
