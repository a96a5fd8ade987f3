// The five operations measured, as the console and analysts send them: the GraphQL document,
// who sends it, and its variables. The baseline answers the same body at POST /<name>.
import { encodeGlobalID } from '@pothos/plugin-relay';

export type OperationName = 'queue' | 'detail' | 'dashboard' | 'groupBy' | 'select';
export type BenchUser = 'prefecture' | 'admin' | 'analyst';

/** Ids the operations' variables need, found in the loaded database. */
export interface Scenario {
  /** The prefecture whose reviewer's queue is measured (the area with the most applications). */
  prefectureUsername: string;
  roundId: string;
  roundYear: number;
  /** An application of that area, with reviews, for the detail page. */
  detailApplicationId: string;
}

export interface Operation {
  name: OperationName;
  title: string;
  user: BenchUser;
  document: string;
  variables(scenario: Scenario): Record<string, unknown>;
  /** Changes data: measured on a pool of RECOMMENDED applications, restored after each cell. */
  mutates?: boolean;
}

/** The console's queue row (admin/src/dataProvider/resources.ts) with host preferences and reviews, as in test/api/query-count.test.ts. */
const queueDocument = /* GraphQL */ `
  query ReviewQueuePage($first: Int!) {
    applications(first: $first, filter: { statuses: [ENDORSED] }) {
      totalCount
      edges { node {
        id serialNumber name gender status mode trainingSpecialty submittedAt updatedAt version
        unit { id name nature area { name } }
        area { id name isSouthernXinjiang }
        hostPreferences { rank institution mentor }
        eligibility { rule outcome reason blocking } missingSignedScans
        reviews { stage decision decidedAt }
      } }
    }
  }`;

/** The console's show page (applicationFields in admin/src/dataProvider/resources.ts). */
const detailDocument = /* GraphQL */ `
  query ApplicationDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Application {
        id serialNumber name gender status mode trainingSpecialty submittedAt updatedAt version
        unit { id name } area { id name } eligibility { rule outcome reason blocking } missingSignedScans
        birthDate ethnicity idNumber politicalStatus chineseProficiency
        graduateSchool foreignLanguage foreignLanguageLevel education majorStudied currentSpecialty
        department unitAddress postcode administrativePost titleName titleLevel
        phone email unitContactName unitContactPhone emergencyContactName emergencyContactPhone
        hasDisqualifyingIllness earlierTrainee earlierTrainingYear earlierTrainingPlace
        workHistory { startMonth endMonth work postOrTitle }
        awards { awardedOn name level }
        publications { publishedOn titleAndContent publisher }
        studyGoals unitTrainingNeeds
        intendedSpecialty preferenceRemarks
        hostPreferences { rank institution mentor hostAgreed contactName contactDepartment contactPost contactPhone }
        reviews { id stage decision comment conductConfirmed reviewerName decidedAt findings { item result comment } }
        statusHistory { at fromStatus toStatus actorName actorRole reason }
        classifiedItems { kind sentOfflineOn recordedAt }
        round { id name year }
        createdAt endorsedAt recommendedAt decidedAt
      }
    }
  }`;

/** The regional dashboard's cards (admin/src/dataProvider/aggregates.ts) plus deadline progress, in one request. */
const dashboardDocument = /* GraphQL */ `
  query Dashboard($roundId: ID!, $roundYear: Int) {
    quotaUsage(roundId: $roundId) { mode area { id name } places used reserved remaining }
    applicationCounts(roundYear: $roundYear, groupBy: [STATUS]) {
      __typename
      ... on QueryApplicationCountsSuccess { data { count keys { value label } } }
      ... on Error { code message }
    }
    deadlineProgress(roundYear: $roundYear) {
      round { id name year }
      daysLeftToApplicationDeadline daysLeftToRecommendationDeadline
      totals { applications submitted endorsed recommended selected }
      perDay { date submitted endorsed recommended selected }
    }
    myReviewQueue(roundYear: $roundYear) { size oldestWaitingSince oldestApplication { id name status } }
  }`;

const groupByDocument = /* GraphQL */ `
  query AreaByStatus($roundYear: Int) {
    applicationCounts(roundYear: $roundYear, groupBy: [AREA, STATUS]) {
      __typename
      ... on QueryApplicationCountsSuccess { data { count keys { dimension value label } } }
      ... on Error { code message }
    }
  }`;

export const selectDocument = /* GraphQL */ `
  mutation Select($id: ID!, $version: Int!) {
    regionalDecision(id: $id, version: $version, decision: SELECT) {
      __typename
      ... on MutationRegionalDecisionSuccess { data { id status version decidedAt } }
      ... on Error { message }
    }
  }`;

export const operations: readonly Operation[] = [
  {
    name: 'queue',
    title: 'Queue page (50 rows, prefecture)',
    user: 'prefecture',
    document: queueDocument,
    variables: () => ({ first: 50 }),
  },
  {
    name: 'detail',
    title: 'Application detail (prefecture)',
    user: 'prefecture',
    document: detailDocument,
    variables: (scenario) => ({ id: encodeGlobalID('Application', scenario.detailApplicationId) }),
  },
  {
    name: 'dashboard',
    title: 'Dashboard aggregates (regional)',
    user: 'admin',
    document: dashboardDocument,
    variables: (scenario) => ({ roundId: encodeGlobalID('Round', scenario.roundId), roundYear: scenario.roundYear }),
  },
  {
    name: 'groupBy',
    title: 'Area × status counts (analyst)',
    user: 'analyst',
    document: groupByDocument,
    variables: (scenario) => ({ roundYear: scenario.roundYear }),
  },
  {
    name: 'select',
    title: 'Selection mutation (regional)',
    user: 'admin',
    document: selectDocument,
    // Each request takes the next application of the pool (selection-pool.ts).
    variables: () => ({}),
    mutates: true,
  },
];

export function requestBody(operation: Operation, variables: Record<string, unknown>): string {
  return JSON.stringify({ query: operation.document, variables });
}
