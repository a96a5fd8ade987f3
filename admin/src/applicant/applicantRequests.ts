// What an applicant asks of the API besides reading their applications (resources.ts,
// `myApplications`): register, save forms 2 and 3, upload the photo and evidence, record
// classified items sent offline, submit. Each is one mutation through callMutation; uploads go
// as multipart/form-data through dataProvider/uploads.ts.
import { parse } from 'graphql';
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';
import { client } from '../dataProvider/client.ts';
import { toApiError } from '../dataProvider/errors.ts';
import { uploadFile, type UploadedDocument } from '../dataProvider/uploads.ts';
import { formFieldSelection } from './applicationFormValues.ts';

export interface SavedApplication {
  id: string;
  version: number;
  status: string;
}

const saved = 'id version status';
const uploaded = 'id kind fileName sizeBytes uploadedAt';

export const applicantMutations = {
  register: {
    field: 'register',
    variables: '$input: RegisterInput!',
    data: 'token expiresAt user { id username displayName role }',
  },
  createApplication: { field: 'createApplication', variables: '$roundId: ID!, $form: ApplicationFormInput!', data: formFieldSelection },
  updateApplication: { field: 'updateApplication', variables: '$id: ID!, $version: Int!, $form: ApplicationFormInput!', data: formFieldSelection },
  submitApplication: { field: 'submitApplication', variables: '$id: ID!, $version: Int!', data: saved },
  recordClassifiedItem: {
    field: 'recordClassifiedItem',
    variables: '$applicationId: ID!, $kind: ClassifiedItemKind!, $sentOfflineOn: Date!',
    data: `${saved} classifiedItems { kind sentOfflineOn recordedAt }`,
  },
  uploadApplicationPhoto: { field: 'uploadApplicationPhoto', variables: '$applicationId: ID!, $file: File!', data: uploaded },
  uploadEvidence: { field: 'uploadEvidence', variables: '$applicationId: ID!, $file: File!, $title: String', data: uploaded },
  withdrawApplication: { field: 'withdrawApplication', variables: '$id: ID!, $version: Int!, $reason: String!', data: saved },
} satisfies Record<string, MutationSpec>;

/** Queries the applicant's pages make besides the data provider's. */
export const applicantQueries = {
  registrationUnits: 'query RegistrationUnits { registrationUnits { unitId name areaName } }',
  /** The round an applicant applies to, and who they registered as (to start the form with). */
  applicationStart: `query ApplicationStart {
    currentRound { id name year isOpenForApplications applicationDeadline }
    me { id displayName idNumber phone unit { id name } }
    myApplications { id status round { id year } }
  }`,
  /** An application of an earlier round, to start the next one from (issue 14 item 4). */
  earlierApplication: `query EarlierApplication($id: ID!) {
    node(id: $id) { ... on Application { ${formFieldSelection} round { id name year } placement { host { name } } training { hostInstitution } } }
  }`,
  /** 培养单位名录 for form 3's choices: every host, so that one of the other 培养方式 is told apart from an unlisted one. */
  hostRegistry: 'query HostRegistry { hostInstitutions { id name province mentors } }',
  /** The current 2-inch photo of an application, with a download link for this user. */
  applicationPhoto: 'query ApplicationPhoto($id: ID!) { node(id: $id) { ... on Application { documents(kind: PHOTO) { id mimeType downloadUrl } } } }',
  /** The applicant's home: the current round with the days left, and their applications. */
  applicantHome: `query ApplicantHome {
    currentRound { id name year isOpenForApplications isOpenForRecommendations applicationDeadline recommendationDeadline daysLeftToApplicationDeadline daysLeftToRecommendationDeadline }
    myApplications { id status version serialNumber updatedAt round { id name year } unit { id name } documents(kind: PHOTO) { id } }
  }`,
};

export interface RegistrationUnit {
  unitId: string;
  name: string;
  areaName: string;
}

export interface ApplicationStart {
  currentRound: { id: string; name: string; year: number; isOpenForApplications: boolean; applicationDeadline: string } | null;
  me: { id: string; displayName: string; idNumber: string | null; phone: string | null; unit: { id: string; name: string } | null };
  myApplications: Array<{ id: string; status: string; round: { id: string; year: number } }>;
}

export interface ApplicantHome {
  currentRound: {
    id: string;
    name: string;
    year: number;
    isOpenForApplications: boolean;
    isOpenForRecommendations: boolean;
    applicationDeadline: string;
    recommendationDeadline: string;
    daysLeftToApplicationDeadline: number;
    daysLeftToRecommendationDeadline: number;
  } | null;
  myApplications: Array<{
    id: string;
    status: string;
    version: number;
    serialNumber: string | null;
    updatedAt: string;
    round: { id: string; name: string; year: number };
    unit: { id: string; name: string };
    documents: Array<{ id: string }>;
  }>;
}

export async function query<Data>(text: string, variables?: Record<string, unknown>): Promise<Data> {
  try {
    const { data } = await client.query<Data>({ query: parse(text), variables });
    return data;
  } catch (error) {
    throw toApiError(error);
  }
}

export interface RegisterInput {
  idNumber: string;
  name: string;
  phone: string;
  unitId: string;
  password: string;
}

export const register = (input: RegisterInput) => callMutation<unknown>(applicantMutations.register, { input });

export const createApplication = (roundId: string, form: Record<string, unknown>) =>
  callMutation<SavedApplication>(applicantMutations.createApplication, { roundId, form });

export const updateApplication = (id: string, version: number, form: Record<string, unknown>) =>
  callMutation<SavedApplication>(applicantMutations.updateApplication, { id, version, form });

export const submitApplication = (id: string, version: number) => callMutation<SavedApplication>(applicantMutations.submitApplication, { id, version });

export const recordClassifiedItem = (applicationId: string, kind: string, sentOfflineOn: string) =>
  callMutation<SavedApplication>(applicantMutations.recordClassifiedItem, { applicationId, kind, sentOfflineOn });

export const withdrawApplication = (id: string, version: number, reason: string) =>
  callMutation<SavedApplication>(applicantMutations.withdrawApplication, { id, version, reason });

export const uploadPhoto = (applicationId: string, file: File): Promise<UploadedDocument> =>
  uploadFile(applicantMutations.uploadApplicationPhoto, { applicationId }, file);

export const uploadEvidence = (applicationId: string, file: File, title?: string): Promise<UploadedDocument> =>
  uploadFile(applicantMutations.uploadEvidence, { applicationId, ...(title?.trim() ? { title: title.trim() } : {}) }, file);
