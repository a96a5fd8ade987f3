// What the console asks the API about a trainee's year and its certificate: the training record
// of one application (with the certificate's download path when the reader may have it), the
// regional admin's completion, and the public check of a certificate number.
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';
import { ApiError } from '../dataProvider/errors.ts';
import { readQuery } from '../common/readQuery.ts';

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

export interface CertificateCheck {
  certificateNumber: string;
  found: boolean;
  certificate: { holderName: string; year: number; mode: 'REMOTE' | 'LOCAL'; hostInstitution: string; startedOn: string; completedOn: string } | null;
}

const trainingFields = 'hostInstitution mentor startedOn plannedEndOn completedOn assessment certificateNumber certificatePdf';

/** The queries, by name (checked against the schema by test/e2e/console-queries.test.ts). */
export const trainingQueries = {
  applicationTraining: `query ApplicationTraining($id: ID!) {
    node(id: $id) { __typename ... on Application { id status version training { ${trainingFields} } } }
  }`,
  earlierParticipations: `query EarlierParticipations($id: ID!) {
    node(id: $id) { __typename ... on Application { id earlierTrainee earlierParticipations { year roundName statusLabel hostInstitution assessment completedOn } } }
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

export async function applicationTraining(id: string): Promise<{ status: string; version: number; training: TrainingRecord | null } | null> {
  const data = await readQuery<{ node: { status: string; version: number; training: TrainingRecord | null } | null }>(trainingQueries.applicationTraining, { id });
  return data.node;
}

export async function earlierParticipations(id: string): Promise<{ earlierTrainee: boolean; earlierParticipations: EarlierParticipation[] } | null> {
  const data = await readQuery<{ node: { earlierTrainee: boolean; earlierParticipations: EarlierParticipation[] } | null }>(trainingQueries.earlierParticipations, { id });
  return data.node;
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
