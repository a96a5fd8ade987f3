// What the console asks the API about a trainee's year and its certificate: the training record
// of one application (with the certificate's download path when the reader may have it), a
// round's orientation sessions and selected trainees, the regional admin's orientation, start
// and completion, and the public check of a certificate number.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';
import { ApiError } from '../dataProvider/errors.ts';
import { largestPage } from '../dataProvider/pagination.ts';
import { readQuery } from '../common/readQuery.ts';
import type { RoundPhase } from '../../../prisma/src/reference/round-phases.ts';

export interface TrainingRecord {
  hostInstitution: string;
  mentor: string | null;
  startedOn: string;
  plannedEndOn: string;
  completedOn: string | null;
  assessment: 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED' | null;
  certificateNumber: string | null;
  certificatePdf: string | null;
}

/** The same ID number selected in an earlier round, from the system's own records (rule 6). */
export interface EarlierParticipation {
  year: number;
  roundName: string;
  statusLabel: string;
  hostInstitution: string | null;
  assessment: 'EXCELLENT' | 'QUALIFIED' | 'UNQUALIFIED' | null;
  completedOn: string | null;
}

export interface OrientationSession {
  id: string;
  title: string;
  heldOn: string;
  place: string;
}

/** The statuses between selection and training that the orientation page lists. */
export const traineeStatuses = ['SELECTED', 'ORIENTATION_ATTENDED', 'IN_TRAINING'] as const;
export type TraineeStatus = (typeof traineeStatuses)[number];

/** A selected trainee as the orientation page and the training panel see them. */
export interface Trainee {
  id: string;
  name: string;
  serialNumber: string | null;
  status: string;
  version: number;
  orientation: { session: OrientationSession } | null;
  placement: { status: 'PROPOSED' | 'CONFIRMED'; host: { name: string } | null; mentor: string | null } | null;
  training: { hostInstitution: string; mentor: string | null; startedOn: string } | null;
}

export interface CertificateCheck {
  certificateNumber: string;
  found: boolean;
  certificate: { holderName: string; year: number; mode: 'REMOTE' | 'LOCAL'; hostInstitution: string; startedOn: string; completedOn: string } | null;
}

const trainingFields = 'hostInstitution mentor startedOn plannedEndOn completedOn assessment certificateNumber certificatePdf';
const sessionFields = 'id title heldOn place';
const traineeFields = `id name serialNumber status version orientation { session { ${sessionFields} } } placement { status host { name } mentor } training { hostInstitution mentor startedOn }`;

/** The queries, by name (checked against the schema by test/e2e/console-queries.test.ts). */
export const trainingQueries = {
  // One query for both panels of the lifecycle on an application's page (TrainingPanel,
  // EarlierParticipationsPanel), which share its answer through useApplicationLifecycle.
  applicationLifecycle: `query ApplicationLifecycle($id: ID!) {
    node(id: $id) {
      __typename
      ... on Application {
        id status version round { id name phase } orientation { session { ${sessionFields} } } training { ${trainingFields} }
        earlierTrainee earlierParticipations { year roundName statusLabel hostInstitution assessment completedOn }
      }
    }
  }`,
  orientationSessions: `query OrientationSessions($roundId: ID!) { orientationSessions(roundId: $roundId) { ${sessionFields} } }`,
  roundTrainees: `query RoundTrainees($filter: ApplicationFilter!, $first: Int!, $after: String) {
    applications(filter: $filter, first: $first, after: $after, orderBy: [{ field: NAME, direction: ASC }]) {
      pageInfo { endCursor hasNextPage }
      edges { node { ${traineeFields} } }
    }
  }`,
  completionList: `query CompletionList($id: ID!) { node(id: $id) { __typename ... on Round { id completionListXlsx } } }`,
  verifyCertificate: `query VerifyCertificate($number: String!) {
    verifyCertificate(certificateNumber: $number) {
      __typename
      ... on QueryVerifyCertificateSuccess { data { certificateNumber found certificate { holderName year mode hostInstitution startedOn completedOn } } }
      ... on Error { message }
    }
  }`,
};

export const completeTrainingMutation: MutationSpec = {
  field: 'completeTraining',
  variables: '$id: ID!, $version: Int!, $completedOn: Date!, $assessment: AssessmentResult!',
  data: `id status version training { ${trainingFields} }`,
};

export const createOrientationSessionMutation: MutationSpec = {
  field: 'createOrientationSession',
  variables: '$roundId: ID!, $title: String!, $heldOn: Date!, $place: String!',
  data: sessionFields,
};

export const recordOrientationMutation: MutationSpec = {
  field: 'recordOrientation',
  variables: '$id: ID!, $version: Int!, $sessionId: ID!',
  data: traineeFields,
};

/** Host and mentor are left out: the API takes them from the confirmed placement. */
export const startTrainingMutation: MutationSpec = {
  field: 'startTraining',
  variables: '$id: ID!, $version: Int!, $startedOn: Date!',
  data: traineeFields,
};

export interface ApplicationLifecycle {
  status: string;
  version: number;
  round: { id: string; name: string; phase: RoundPhase };
  orientation: { session: OrientationSession } | null;
  training: TrainingRecord | null;
  earlierTrainee: boolean | null;
  earlierParticipations: EarlierParticipation[];
}

const lifecycleKey = (id: string | undefined) => ['applicationLifecycle', id];

/** The application's orientation, training and earlier rounds: one request for every panel that shows them. */
export function useApplicationLifecycle(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: lifecycleKey(id),
    queryFn: async () => (await readQuery<{ node: ApplicationLifecycle | null }>(trainingQueries.applicationLifecycle, { id })).node,
    enabled: !!id,
  });
  return { ...query, reread: () => queryClient.invalidateQueries({ queryKey: lifecycleKey(id) }) };
}

export async function orientationSessions(roundId: string): Promise<OrientationSession[]> {
  return (await readQuery<{ orientationSessions: OrientationSession[] }>(trainingQueries.orientationSessions, { roundId })).orientationSessions;
}

/** Every selected trainee of the round, page after page (a round selects up to 400). */
export async function roundTrainees(roundYear: number): Promise<Trainee[]> {
  interface Page {
    applications: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: Trainee }[] };
  }
  const trainees: Trainee[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await readQuery<Page>(trainingQueries.roundTrainees, { filter: { roundYear, statuses: traineeStatuses }, first: largestPage, after });
    trainees.push(...page.applications.edges.map((edge) => edge.node));
    if (!page.applications.pageInfo.hasNextPage || !page.applications.pageInfo.endCursor) return trainees;
    after = page.applications.pageInfo.endCursor;
  }
}

export function createOrientationSession(roundId: string, input: { title: string; heldOn: string; place: string }) {
  return callMutation<OrientationSession>(createOrientationSessionMutation, { roundId, ...input });
}

export function recordOrientation(trainee: Pick<Trainee, 'id' | 'version'>, sessionId: string) {
  return callMutation<Trainee>(recordOrientationMutation, { id: trainee.id, version: trainee.version, sessionId });
}

export function startTraining(trainee: Pick<Trainee, 'id' | 'version'>, startedOn: string) {
  return callMutation<Trainee>(startTrainingMutation, { id: trainee.id, version: trainee.version, startedOn });
}

export function completeTraining(id: string, version: number, completedOn: string, assessment: string) {
  return callMutation<{ training: TrainingRecord }>(completeTrainingMutation, { id, version, completedOn, assessment });
}

export async function verifyCertificate(number: string): Promise<CertificateCheck> {
  const data = await readQuery<{ verifyCertificate: { __typename: string; data?: CertificateCheck; message?: string } }>(trainingQueries.verifyCertificate, { number });
  const answer = data.verifyCertificate;
  if (answer.__typename !== 'QueryVerifyCertificateSuccess' || !answer.data) throw new ApiError(answer.message ?? '查验未成功，请稍后重试', answer.__typename);
  return answer.data;
}

/** Where the round's completion list downloads (regional admin and analysts). */
export async function completionListPath(roundId: string): Promise<string | null> {
  const data = await readQuery<{ node: { completionListXlsx: string | null } | null }>(trainingQueries.completionList, { id: roundId });
  return data.node?.completionListXlsx ?? null;
}
