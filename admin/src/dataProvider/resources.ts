// What each react-admin resource reads from the API: its root connection (or list), its node
// type for `node(id)`, the fields its views show — nested objects included, so that a list shows
// unit and area names without a request per row — and how react-admin's filter and sort become
// the connection's arguments.
import type { SortPayload } from 'react-admin';
import { endOfBeijingDay, startOfBeijingDay } from '../common/format.ts';
import { inputFieldNames } from './schema.ts';

export interface ResourceSpec {
  /** Root query field: a relay connection, or a plain list when `paginated` is false. */
  root: string;
  paginated: boolean;
  /** The GraphQL type, for `node(id)` and `nodes(ids)`; none when the type is not a Node. */
  nodeType?: string;
  /** Selection for list rows. */
  listFields: string;
  /** Selection for the show page; the list's when absent. */
  oneFields?: string;
  /** Variable definitions of the connection's own arguments (beside first/after). */
  argumentTypes: Record<string, string>;
  /** react-admin's filter and sort as values of those arguments. */
  toArguments(filter: Record<string, unknown>, sort?: SortPayload): Record<string, unknown>;
}

const area = 'area { id name }';
const unit = 'unit { id name }';
const eligibility = 'eligibility { rule outcome reason blocking }';

const applicationListFields = `
  id serialNumber name gender status mode trainingSpecialty submittedAt statusChangedAt updatedAt version
  ${unit} ${area} ${eligibility} missingSignedScans`;

const applicationFields = `
  ${applicationListFields}
  birthDate birthMonth ethnicity idNumber politicalStatus chineseProficiency
  graduateSchool foreignLanguage foreignLanguageLevel education majorStudied currentSpecialty
  department unitAddress postcode administrativePost titleName titleLevel
  phone email unitContactName unitContactPhone emergencyContactName emergencyContactPhone
  hasDisqualifyingIllness earlierTrainee earlierTrainingYear earlierTrainingPlace
  workHistory { startMonth endMonth work postOrTitle }
  awards { awardedOn name level }
  publications { publishedOn titleAndContent publisher }
  studyGoals unitTrainingNeeds
  intendedSpecialty preferenceRemarks
  hostPreferences { rank institution mentor hostAgreed contactName contactDepartment contactPost contactPhone hostInstitution { id name } }
  placement { status host { name province } mentor preferenceRank }
  reviews { id stage decision comment conductConfirmed reviewerName decidedAt findings { item result comment } }
  statusHistory { at fromStatus toStatus actorName actorRole reason }
  classifiedItems { kind sentOfflineOn recordedAt }
  round { id name year }
  createdAt endorsedAt recommendedAt decidedAt`;

/** react-admin sort fields the applications connection can order by (ApplicationSortField). */
const applicationSortFields: Record<string, string> = {
  name: 'NAME',
  status: 'STATUS',
  mode: 'MODE',
  submittedAt: 'SUBMITTED_AT',
  statusChangedAt: 'WAITING_SINCE',
  updatedAt: 'UPDATED_AT',
  birthDate: 'BIRTH_DATE',
  education: 'EDUCATION',
  titleLevel: 'TITLE_LEVEL',
  ethnicity: 'ETHNICITY',
  decidedAt: 'DECIDED_AT',
  'unit.name': 'UNIT',
  'area.name': 'AREA',
};

/** Keeps the filter values that name fields of the input type; drops empty ones. */
function knownFields(inputType: string, filter: Record<string, unknown>): Record<string, unknown> | undefined {
  const known = inputFieldNames(inputType);
  const entries = Object.entries(filter).filter(
    ([name, value]) => known.has(name) && value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export const resources: Record<string, ResourceSpec> = {
  // An applicant's own applications (myApplications), with the documents they uploaded.
  myApplications: {
    root: 'myApplications',
    paginated: false,
    nodeType: 'Application',
    listFields: `id status mode trainingSpecialty submittedAt updatedAt version round { id name year } ${unit}`,
    oneFields: `${applicationFields} documents { id kind fileName mimeType sizeBytes uploadedAt }`,
    argumentTypes: {},
    toArguments: () => ({}),
  },
  applications: {
    root: 'applications',
    paginated: true,
    nodeType: 'Application',
    listFields: applicationListFields,
    oneFields: applicationFields,
    argumentTypes: { filter: 'ApplicationFilter', orderBy: '[ApplicationOrder!]' },
    toArguments({ q, status, ...filter }, sort) {
      const field = sort && applicationSortFields[sort.field];
      return {
        filter: knownFields('ApplicationFilter', {
          ...filter,
          ...(q ? { nameContains: q } : {}),
          ...(status ? { statuses: [status] } : {}),
        }),
        orderBy: field ? [{ field, direction: sort.order === 'ASC' ? 'ASC' : 'DESC' }] : undefined,
      };
    },
  },
  units: {
    root: 'units',
    paginated: true,
    nodeType: 'EmployerUnit',
    listFields: `id name nature address postcode area { id name } applications(first: 1) { totalCount }`,
    argumentTypes: { areaId: 'ID' },
    toArguments: ({ areaId }) => ({ areaId: areaId || undefined }),
  },
  areas: {
    root: 'areas',
    paginated: false,
    nodeType: 'Area',
    listFields: 'id code name kind isSouthernXinjiang units { id }',
    argumentTypes: { filter: 'AreaFilter' },
    // Filtered by the API (areasWhere), so that its Excel export holds the rows the list shows.
    toArguments: ({ q, ...filter }) => ({
      filter: knownFields('AreaFilter', { ...filter, search: typeof q === 'string' ? q.trim() : undefined }),
    }),
  },
  rounds: {
    root: 'rounds',
    paginated: false,
    nodeType: 'Round',
    listFields: `id year name noticeNumber phase applicationDeadline recommendationDeadline ageCutoffDate remotePlaces localPlaces trainingMonths
      shortageSpecialties isOpenForApplications isOpenForRecommendations`,
    argumentTypes: {},
    toArguments: () => ({}),
  },
  blacklist: {
    root: 'blacklist',
    paginated: true,
    nodeType: 'BlacklistEntry',
    listFields: `id applicantName applicantIdNumber ${unit} reasonKind reason listedAt expiresAt isActive liftedAt liftReason`,
    argumentTypes: { activeOnly: 'Boolean' },
    toArguments: ({ activeOnly }) => ({ activeOnly: activeOnly === true }),
  },
  auditRecords: {
    root: 'auditRecords',
    paginated: true,
    nodeType: 'AuditRecord',
    listFields: 'id at operation result actorUsername actorRole actorScope targetType targetId errorCode requestId details',
    argumentTypes: { filter: 'AuditFilter' },
    // Dates picked in the console are Beijing calendar days, from the first instant of one to the last of the other.
    toArguments: ({ from, to, ...filter }) => ({
      filter: knownFields('AuditFilter', {
        ...filter,
        from: typeof from === 'string' && from ? startOfBeijingDay(from) : undefined,
        to: typeof to === 'string' && to ? endOfBeijingDay(to) : undefined,
      }),
    }),
  },
  users: {
    root: 'users',
    paginated: true,
    listFields: `id username displayName role ${area} ${unit} disabled isLocked lockedUntil lastLoginAt createdAt`,
    argumentTypes: { role: 'Role' },
    toArguments: ({ role }) => ({ role: role || undefined }),
  },
};

export function resourceSpec(resource: string): ResourceSpec {
  const spec = resources[resource];
  if (!spec) throw new Error(`unknown resource ${resource}`);
  return spec;
}
