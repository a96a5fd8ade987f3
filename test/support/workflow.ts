// GraphQL steps of the workflow, shared by the API tests: each returns the mutation's
// result (`__typename`, the application on success, or the error's code and message).
import type { TestApi } from './api.ts';

const resultFields = /* GraphQL */ `
  __typename
  ... on Error { code message }
  ... on ValidationFailedError { problems { path message } }
`;
/** Only the steps that check eligibility have NotEligibleError in their result union. */
const eligibilityChecked = new Set(['submitApplication', 'employerReview', 'prefectureReview', 'regionalDecision']);
const applicationFields = 'id status version serialNumber';

export interface StepResult {
  __typename: string;
  code?: string;
  message?: string;
  rules?: string[];
  problems?: Array<{ path: string[]; message: string }>;
  data?: { id: string; status: string; version: number; serialNumber: string | null };
}

async function step(api: TestApi, token: string, field: string, signature: string, call: string, variables: Record<string, unknown>) {
  const response = await api.gql(
    `mutation Step(${signature}) { ${field}(${call}) { ${resultFields} ${eligibilityChecked.has(field) ? '... on NotEligibleError { rules }' : ''} ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${applicationFields} } } } }`,
    variables,
    token,
  );
  if (response.errors?.length) return { __typename: 'GraphQLError', code: response.errors[0]!.extensions?.code as string, message: response.errors[0]!.message } as StepResult;
  return response.data[field] as StepResult;
}

export async function registerApplicant(api: TestApi, who: { idNumber: string; name: string; phone: string }, unitId: string) {
  const response = await api.gql(
    `mutation($input: RegisterInput!) { register(input: $input) { __typename ... on MutationRegisterSuccess { data { token } } ... on Error { message } } }`,
    { input: { idNumber: who.idNumber, name: who.name, phone: who.phone, unitId, password: 'Passw0rd2025' } },
  );
  const token = response.data?.register?.data?.token as string | undefined;
  if (!token) throw new Error(`registration refused: ${JSON.stringify(response)}`);
  return token;
}

/**
 * An account of its own for an application filed without one (the seed's earlier rounds, a
 * fixture's rows): registered as an applicant registers, then given the filing. Returns the
 * account's username and registration token (password 'Passw0rd2025').
 */
export async function giveAccountTo(
  api: TestApi,
  application: { id: string; idNumber: string; name: string; phone: string; unitId: string },
): Promise<{ username: string; token: string }> {
  const token = await registerApplicant(api, application, application.unitId);
  const account = await api.prisma.user.findFirstOrThrow({ where: { idNumber: application.idNumber } });
  await api.prisma.application.update({ where: { id: application.id }, data: { applicantId: account.id } });
  return { username: account.username, token };
}

export const createApplication = (api: TestApi, token: string, roundId: string, form: unknown) =>
  step(api, token, 'createApplication', '$roundId: ID!, $form: ApplicationFormInput!', 'roundId: $roundId, form: $form', { roundId, form });

export const updateApplication = (api: TestApi, token: string, id: string, version: number, form: unknown) =>
  step(api, token, 'updateApplication', '$id: ID!, $version: Int!, $form: ApplicationFormInput!', 'id: $id, version: $version, form: $form', {
    id,
    version,
    form,
  });

export const submitApplication = (api: TestApi, token: string, id: string, version: number) =>
  step(api, token, 'submitApplication', '$id: ID!, $version: Int!', 'id: $id, version: $version', { id, version });

export const withdrawApplication = (api: TestApi, token: string, id: string, version: number, reason: string) =>
  step(api, token, 'withdrawApplication', '$id: ID!, $version: Int!, $reason: String!', 'id: $id, version: $version, reason: $reason', {
    id,
    version,
    reason,
  });

export interface ReviewArgs {
  decision: string;
  comment?: string;
  conductConfirmed?: boolean;
  findings?: Array<{ item: string; result: string; comment?: string }>;
}

export const employerReview = (api: TestApi, token: string, id: string, version: number, review: ReviewArgs) =>
  step(
    api,
    token,
    'employerReview',
    '$id: ID!, $version: Int!, $decision: EmployerDecision!, $comment: String, $conductConfirmed: Boolean, $findings: [ReviewFindingInput!]',
    'id: $id, version: $version, decision: $decision, comment: $comment, conductConfirmed: $conductConfirmed, findings: $findings',
    { id, version, ...review },
  );

export const prefectureReview = (api: TestApi, token: string, id: string, version: number, review: ReviewArgs) =>
  step(
    api,
    token,
    'prefectureReview',
    '$id: ID!, $version: Int!, $decision: PrefectureDecision!, $comment: String, $conductConfirmed: Boolean, $findings: [ReviewFindingInput!]',
    'id: $id, version: $version, decision: $decision, comment: $comment, conductConfirmed: $conductConfirmed, findings: $findings',
    { id, version, ...review },
  );

export const regionalDecision = (api: TestApi, token: string, id: string, version: number, decision: string, comment?: string) =>
  step(api, token, 'regionalDecision', '$id: ID!, $version: Int!, $decision: RegionalDecision!, $comment: String', 'id: $id, version: $version, decision: $decision, comment: $comment', {
    id,
    version,
    decision,
    comment,
  });

/** The relay id the API uses for a database id. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** The database id inside a relay id (globalId's inverse). */
export function rawIdOf(globalIdValue: string): string {
  return Buffer.from(globalIdValue, 'base64').toString().split(':').slice(1).join(':');
}
