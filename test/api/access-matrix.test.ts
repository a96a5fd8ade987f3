// Who may call what, and what each sees: every root Query and Mutation field of the schema
// against every role and scope, through yoga with real tokens. A field added to the schema
// without a row here fails the first test.
//
// Roles are named for their relation to "the owner's application", a submitted application of
// the Kashgar hospital (unit-kashgar, 喀什地区 653100); see support/matrix.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tepei/api/schema';
import { setFailedLoginDelay, defaultFailedLoginDelay } from '@tepei/api/modules/accounts/accounts.service';
import { startApi, type TestApi } from '../support/api.ts';
import { globalId } from '../support/workflow.ts';
import {
  arrangeWorld,
  internalLeaks,
  keepResponses,
  mutationCalls,
  outcomeOf,
  rawIdOf,
  roleLabels,
  roles,
  rootFields,
  tokenOf,
  type Role,
  type SignedInRole,
  type World,
} from '../support/matrix.ts';
import { documentMutationCalls } from '../support/uploads.ts';

// The upload mutations are multipart requests: their calls live in support/uploads.ts.
Object.assign(mutationCalls, documentMutationCalls);

let api: TestApi;
let world: World;
let responses: ReturnType<typeof keepResponses>;
/** An application of the Kashgar school (unit-kashgar-school): same area as the owner's, other unit. */
let schoolApplicationId: string;
const now = new Date('2026-12-01T10:00:00+08:00');

beforeAll(async () => {
  setFailedLoginDelay(() => 0);
  api = await startApi({ clock: () => now });
  responses = keepResponses(api);
  world = await arrangeWorld(api);
  // Split the remote places over both areas, so that quotaUsage has a line per area.
  await api.prisma.quotaAllocation.createMany({
    data: [
      { roundId: world.programme.roundId, mode: 'REMOTE', areaId: world.programme.kashgar.areaId, places: 50 },
      { roundId: world.programme.roundId, mode: 'REMOTE', areaId: world.programme.urumqi.areaId, places: 50 },
    ],
  });
  // Lifted listings (they bar nobody) touching each unit, one through an application only.
  const lifted = { reasonKind: 'OTHER' as const, reason: '测试记录', listedAt: new Date('2026-10-01T00:00:00Z'), expiresAt: new Date('2031-10-01T00:00:00Z'), liftedAt: new Date('2026-11-01T00:00:00Z'), liftReason: '经复核解除' };
  const schoolApplication = await api.prisma.application.findFirstOrThrow({ where: { unitId: world.programme.kashgar.otherUnitId } });
  schoolApplicationId = globalId('Application', schoolApplication.id);
  await api.prisma.blacklistEntry.createMany({
    data: [
      { ...lifted, unitId: world.programme.kashgar.unitId },
      { ...lifted, unitId: world.programme.kashgar.otherUnitId },
      { ...lifted, unitId: world.programme.urumqi.unitId },
      { ...lifted, applicationId: schoolApplication.id, applicantIdNumber: schoolApplication.idNumber, applicantName: schoolApplication.name },
    ],
  });
});
afterAll(async () => {
  setFailedLoginDelay(defaultFailedLoginDelay);
  await api?.close();
});

// ─────────────────────────────── what each role should see ───────────────────────────────

const sorted = (values: Array<string | null | undefined>) => [...values].map(String).sort();
const decoded = (ids: string[]) => sorted(ids.map(rawIdOf));

/** The applications a role may see, from DOMAIN.md "Who takes part", read straight from the database. */
async function visibleApplicationIds(role: SignedInRole): Promise<string[]> {
  const { programme, accounts } = world;
  const where = {
    applicant: { applicantId: accounts.applicant.userId },
    otherApplicant: { applicantId: accounts.otherApplicant.userId },
    employer: { unitId: programme.kashgar.unitId },
    otherEmployer: { unitId: programme.urumqi.unitId },
    prefecture: { areaId: programme.kashgar.areaId },
    otherPrefecture: { areaId: programme.urumqi.areaId },
    regional: {},
    analyst: {},
  }[role];
  return sorted((await api.prisma.application.findMany({ where, select: { id: true } })).map((row) => row.id));
}

function visibleUnitIds(role: SignedInRole): string[] {
  const { kashgar, urumqi } = world.programme;
  return sorted(
    {
      applicant: [kashgar.unitId],
      otherApplicant: [kashgar.unitId],
      employer: [kashgar.unitId],
      otherEmployer: [urumqi.unitId],
      prefecture: [kashgar.unitId, kashgar.otherUnitId],
      otherPrefecture: [urumqi.unitId],
      regional: [kashgar.unitId, kashgar.otherUnitId, urumqi.unitId],
      analyst: [kashgar.unitId, kashgar.otherUnitId, urumqi.unitId],
    }[role],
  );
}

const ownAreaCode: Partial<Record<SignedInRole, string>> = {
  applicant: '653100',
  otherApplicant: '653100',
  employer: '653100',
  otherEmployer: '650100',
  prefecture: '653100',
  otherPrefecture: '650100',
};

/** Listings a role may see: reviewers those touching their unit or area (by unit or by application). */
async function visibleListingIds(role: SignedInRole): Promise<string[]> {
  const entries = await api.prisma.blacklistEntry.findMany({ include: { unit: true, application: true } });
  const { kashgar, urumqi } = world.programme;
  const touchesUnit = (unitId: string) => (entry: (typeof entries)[number]) => entry.unitId === unitId || entry.application?.unitId === unitId;
  const touchesArea = (areaId: string) => (entry: (typeof entries)[number]) => entry.unit?.areaId === areaId || entry.application?.areaId === areaId;
  const filter = {
    employer: touchesUnit(kashgar.unitId),
    otherEmployer: touchesUnit(urumqi.unitId),
    prefecture: touchesArea(kashgar.areaId),
    otherPrefecture: touchesArea(urumqi.areaId),
    regional: () => true,
    analyst: () => true,
    applicant: () => false,
    otherApplicant: () => false,
  }[role];
  return sorted(entries.filter(filter).map((entry) => entry.id));
}

// ─────────────────────────────── the matrix ───────────────────────────────

/** allowed | null (allowed, but the record is out of scope) | GraphQL error code | typed error result. */
type Outcome = 'allowed' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NotFoundError' | 'ForbiddenError';
type Expectation = Record<Role, Outcome>;

const A = 'allowed',
  N = 'null',
  U = 'UNAUTHENTICATED',
  F = 'FORBIDDEN',
  NF = 'NotFoundError';

/** Columns: anonymous, applicant, otherApplicant, employer, otherEmployer, prefecture, otherPrefecture, regional, analyst. */
function row(...outcomes: Outcome[]): Expectation {
  if (outcomes.length !== roles.length) throw new Error(`a matrix row needs ${roles.length} outcomes`);
  return Object.fromEntries(roles.map((role, index) => [role, outcomes[index]])) as Expectation;
}
const everyone = row(A, A, A, A, A, A, A, A, A);
const signedIn = row(U, A, A, A, A, A, A, A, A);
const regionalOnly = row(U, F, F, F, F, F, F, A, F);
const ownApplicationScope = row(U, A, N, A, N, A, N, A, A);

interface QueryRow {
  document: string;
  variables?: () => Record<string, unknown>;
  /** The value whose outcome counts (nodes: its first element). */
  pick?: (value: any) => unknown;
  expect: Expectation;
  /** Proves the scope of an allowed answer. */
  check?: (role: SignedInRole, value: any) => Promise<void> | void;
}

const queryMatrix: Record<string, QueryRow> = {
  application: {
    document: 'query($id: ID!) { application(id: $id) { id status } }',
    variables: () => ({ id: world.owner.application.id }),
    expect: ownApplicationScope,
    check: (_role, value) => expect(value.id).toBe(world.owner.application.id),
  },
  applicationCounts: {
    document: '{ applicationCounts(groupBy: [AREA]) { __typename ... on QueryApplicationCountsSuccess { data { keys { value } count } } ... on Error { code } } }',
    expect: row(U, F, F, A, A, A, A, A, A),
    check: async (role, value) => {
      // Counted within the role's scope: the counts add up to what it may list, by its own area(s).
      const lines = value.data as Array<{ keys: Array<{ value: string }>; count: number }>;
      expect(lines.reduce((sum, line) => sum + line.count, 0)).toBe((await visibleApplicationIds(role)).length);
      const own = ownAreaCode[role];
      const areaIds = lines.map((line) => rawIdOf(line.keys[0]!.value));
      if (own) expect(areaIds).toEqual([own === '653100' ? world.programme.kashgar.areaId : world.programme.urumqi.areaId]);
    },
  },
  applications: {
    document: '{ applications(first: 100) { totalCount edges { node { id } } } }',
    expect: signedIn,
    check: async (role, value) => {
      const expected = await visibleApplicationIds(role);
      expect(decoded(value.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(expected);
      expect(value.totalCount).toBe(expected.length);
    },
  },
  areasConnection: {
    document: '{ areasConnection(first: 100) { totalCount edges { node { code } } } }',
    expect: signedIn,
    check: (role, value) => {
      const own = ownAreaCode[role];
      const codes = value.edges.map((edge: { node: { code: string } }) => edge.node.code);
      expect(codes).toEqual(own ? [own] : ['650100', '653100']);
      expect(value.totalCount).toBe(codes.length);
    },
  },
  areas: {
    document: '{ areas { code units { id } } }',
    expect: signedIn,
    check: (role, value) => {
      const own = ownAreaCode[role];
      expect(value.map((area: { code: string }) => area.code)).toEqual(own ? [own] : ['650100', '653100']);
      // area.units, reached through an allowed area, holds only the units the role may see.
      const units = decoded(value.flatMap((area: { units: Array<{ id: string }> }) => area.units.map((unit) => unit.id)));
      expect(units).toEqual(visibleUnitIds(role));
    },
  },
  auditRecords: {
    document: '{ auditRecords(first: 5) { totalCount edges { node { operation result } } } }',
    expect: row(U, F, F, F, F, F, F, A, A),
    check: async (_role, value) => expect(value.totalCount).toBe(await api.prisma.auditRecord.count()),
  },
  blacklist: {
    document: '{ blacklist(first: 100) { totalCount edges { node { id } } } }',
    expect: row(U, F, F, A, A, A, A, A, A),
    check: async (role, value) => {
      const expected = await visibleListingIds(role);
      expect(decoded(value.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(expected);
      expect(value.totalCount).toBe(expected.length);
    },
  },
  currentRound: { document: '{ currentRound { year } }', expect: signedIn, check: (_role, value) => expect(value.year).toBe(2027) },
  deadlineProgress: {
    document: '{ deadlineProgress { totals { applications } } }',
    expect: row(U, F, F, A, A, A, A, A, A),
    check: async (role, value) => expect(value.totals.applications).toBe((await visibleApplicationIds(role)).length),
  },
  health: { document: '{ health { ok } }', expect: everyone },
  programmeHistory: {
    document: '{ programmeHistory { __typename ... on QueryProgrammeHistorySuccess { data { year submitted } } ... on Error { code } } }',
    expect: row(U, F, F, A, A, A, A, A, A),
    check: async (role, value) => {
      const submitted = await api.prisma.application.count({ where: { id: { in: await visibleApplicationIds(role) }, submittedAt: { not: null } } });
      expect(value.data.reduce((sum: number, line: { submitted: number }) => sum + line.submitted, 0)).toBe(submitted);
    },
  },
  hostInstitutions: { document: '{ hostInstitutions { name } }', expect: signedIn },
  hostProposals: { document: '{ hostProposals { name } }', expect: row(U, F, F, F, F, F, F, A, A) },
  hostProvinces: { document: '{ hostProvinces }', expect: signedIn, check: (_role, value) => expect(value).toContain('新疆维吾尔自治区') },
  me: {
    document: '{ me { id role } }',
    expect: signedIn,
    check: (role, value) => expect(value.id).toBe(world.accounts[role].userId),
  },
  myApplications: {
    document: '{ myApplications { id } }',
    expect: row(U, A, A, F, F, F, F, F, F),
    check: async (role, value) => expect(decoded(value.map((application: { id: string }) => application.id))).toEqual(await visibleApplicationIds(role)),
  },
  nextRoundDraft: { document: '{ nextRoundDraft { year } }', expect: row(U, F, F, F, F, F, F, A, A), check: (_role, value) => expect(value.year).toBe(2028) },
  node: {
    document: 'query($id: ID!) { node(id: $id) { id ... on Application { status } } }',
    variables: () => ({ id: world.owner.application.id }),
    expect: ownApplicationScope,
    check: (_role, value) => expect(value.id).toBe(world.owner.application.id),
  },
  myReviewQueue: {
    document: '{ myReviewQueue { size } }',
    expect: row(U, F, F, A, A, A, A, A, F),
    check: async (role, value) => {
      // What waits for the role, within its scope only.
      const waiting = { employer: ['SUBMITTED', 'RETURNED_TO_EMPLOYER'], otherEmployer: ['SUBMITTED', 'RETURNED_TO_EMPLOYER'], prefecture: ['ENDORSED'], otherPrefecture: ['ENDORSED'], regional: ['RECOMMENDED'] }[role as string] ?? [];
      const visible = await visibleApplicationIds(role);
      const expected = await api.prisma.application.count({ where: { id: { in: visible }, status: { in: waiting as never } } });
      expect(value.size).toBe(expected);
    },
  },
  nodes: {
    document: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: () => ({ ids: [world.owner.application.id] }),
    pick: (value) => (Array.isArray(value) ? value[0] : value),
    expect: ownApplicationScope,
    check: (_role, value) => expect(value).toEqual([{ id: world.owner.application.id }]),
  },
  orientationSessions: {
    document: 'query($roundId: ID!) { orientationSessions(roundId: $roundId) { id } }',
    variables: () => ({ roundId: world.roundGlobalId }),
    expect: signedIn,
  },
  quotaUsage: {
    document: 'query($roundId: ID!) { quotaUsage(roundId: $roundId) { mode area { code } places } }',
    variables: () => ({ roundId: world.roundGlobalId }),
    expect: row(U, F, F, F, F, A, A, A, A),
    check: (role, value) => {
      const areas = sorted(value.map((line: { area: { code: string } | null }) => line.area?.code ?? 'total'));
      const own = ownAreaCode[role];
      expect(areas).toEqual(own ? sorted(['total', 'total', own]) : sorted(['total', 'total', '650100', '653100']));
    },
  },
  roundPlacement: {
    document: 'query($id: ID!) { roundPlacement(roundId: $id) { placedCount confirmed } }',
    variables: () => ({ id: world.roundGlobalId }),
    expect: row(U, F, F, F, F, F, F, A, A),
  },
  registrationUnits: { document: '{ registrationUnits { unitId } }', expect: everyone, check: (_role, value) => expect(value).toHaveLength(3) },
  // Public: anyone checks a certificate number (this world has none, so it is not found).
  verifyCertificate: {
    document: '{ verifyCertificate(certificateNumber: "XJTP-2027-0001") { __typename ... on QueryVerifyCertificateSuccess { data { found } } ... on Error { code } } }',
    expect: everyone,
    check: (_role, value) => expect(value.data).toEqual({ found: false }),
  },
  rounds: { document: '{ rounds { year } }', expect: signedIn, check: (_role, value) => expect(value).toEqual([{ year: 2027 }]) },
  units: {
    document: '{ units(first: 100) { totalCount edges { node { id } } } }',
    expect: signedIn,
    check: (role, value) => {
      expect(decoded(value.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(visibleUnitIds(role));
      expect(value.totalCount).toBe(visibleUnitIds(role).length);
    },
  },
  users: {
    document: '{ users(first: 100) { totalCount edges { node { id } } } }',
    expect: row(U, F, F, F, F, F, F, A, A),
    check: async (_role, value) => {
      const count = await api.prisma.user.count();
      expect(value.totalCount).toBe(count);
      expect(value.edges).toHaveLength(count);
    },
  },
};

const mutationMatrix: Record<string, Expectation> = {
  acceptHostProposal: regionalOnly,
  advanceRoundPhase: regionalOnly,
  completeTraining: regionalOnly,
  confirmPlacement: regionalOnly,
  createHostInstitution: regionalOnly,
  createRound: regionalOnly,
  movePlacement: regionalOnly,
  proposePlacement: regionalOnly,
  refuseHostProposal: regionalOnly,
  setHostPlaces: regionalOnly,
  updateHostInstitution: regionalOnly,
  createApplication: row(U, A, A, F, F, F, F, F, F),
  createOrientationSession: regionalOnly,
  createUser: regionalOnly,
  employerReview: row(U, F, F, A, NF, F, F, F, F),
  liftBlacklistEntry: regionalOnly,
  listOnBlacklist: regionalOnly,
  // Public: signing in needs no session. Analysts too sign in, out, and (public) may register.
  login: everyone,
  logout: signedIn,
  prefectureReview: row(U, F, F, F, F, A, NF, F, F),
  recordClassifiedItem: row(U, A, NF, F, F, F, F, F, F),
  recordOrientation: regionalOnly,
  regionalDecision: regionalOnly,
  register: everyone,
  revokeUserSessions: regionalOnly,
  setAreaAllocation: regionalOnly,
  setModePlaces: regionalOnly,
  setUserDisabled: regionalOnly,
  startTraining: regionalOnly,
  submitApplication: row(U, A, NF, F, F, F, F, F, F),
  unlockUser: regionalOnly,
  updateApplication: row(U, A, NF, F, F, F, F, F, F),
  updateRound: regionalOnly,
  uploadApplicationPhoto: row(U, A, NF, F, F, F, F, F, F),
  uploadEvidence: row(U, A, NF, F, F, F, F, F, F),
  // The employer of the application's unit; another area's unit cannot see the application.
  uploadForm4Scan: row(U, F, F, A, NF, F, F, F, F),
  // The area's own prefecture (another prefecture cannot see the area); the regional admin for the whole region.
  uploadForm5Scan: row(U, F, F, F, F, A, NF, A, F),
  withdrawApplication: row(U, A, NF, F, F, F, F, A, F),
};

const phrases: Record<Outcome, string> = {
  allowed: 'may call',
  null: 'gets null (out of scope) from',
  UNAUTHENTICATED: 'is told to sign in (UNAUTHENTICATED) by',
  FORBIDDEN: 'is refused (FORBIDDEN) by',
  NotFoundError: 'gets a NotFoundError result from',
  ForbiddenError: 'gets a ForbiddenError result from',
};

const cases = (kind: 'Query' | 'Mutation', matrix: Record<string, { expect?: Expectation } | Expectation>) =>
  Object.entries(matrix).flatMap(([field, entry]) => {
    const expectation = ('expect' in entry ? entry.expect : entry) as Expectation;
    return roles.map((role) => [`${roleLabels[role]} ${phrases[expectation[role]]} ${kind}.${field}`, field, role, expectation[role]] as const);
  });

describe('the matrix covers the schema', () => {
  it('has a row for every root Query and Mutation field, and none for a field that is gone', () => {
    const fields = rootFields(schema);
    expect(Object.keys(queryMatrix).sort(), 'Query fields without a matrix row (or rows for removed fields)').toEqual(fields.query);
    expect(Object.keys(mutationMatrix).sort(), 'Mutation fields without a matrix row (or rows for removed fields)').toEqual(fields.mutation);
    expect(Object.keys(mutationCalls).sort(), 'support/matrix.ts has no call for these mutations').toEqual(fields.mutation);
  });

  it('leaves analysts read-only: every mutation but signing in, out and registering is refused to them', () => {
    const open = Object.entries(mutationMatrix)
      .filter(([, expectation]) => expectation.analyst !== F)
      .map(([field]) => field);
    expect(open.sort()).toEqual(['login', 'logout', 'register']);
    // …and may call every query but the two about one's own work (no applications, no review queue).
    const closed = Object.entries(queryMatrix)
      .filter(([, entry]) => entry.expect.analyst !== A)
      .map(([field]) => field);
    expect(closed.sort()).toEqual(['myApplications', 'myReviewQueue']);
  });
});

describe('queries, role by role', () => {
  it.each(cases('Query', queryMatrix))('%s', async (_name, field, role, outcome) => {
    const entry = queryMatrix[field]!;
    const response = await api.gql(entry.document, entry.variables?.() ?? {}, tokenOf(world, role));
    expect(outcomeOf(response, field, entry.pick), JSON.stringify(response)).toBe(outcome);
    if (outcome === 'allowed' && role !== 'anonymous') await entry.check?.(role, response.data[field]);
  });
});

describe('mutations, role by role', () => {
  it.each(cases('Mutation', mutationMatrix))('%s', async (_name, field, role, outcome) => {
    const call = await mutationCalls[field]!(world, role);
    const response = await call.run();
    expect(outcomeOf(response, field), JSON.stringify(response)).toBe(outcome);
    if (outcome === 'allowed') expect(response.data[field].__typename).toBe(`Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`);
    if (outcome === 'UNAUTHENTICATED' || outcome === 'FORBIDDEN') expect(response.data?.[field] ?? null).toBeNull();
  });
});

// ─────────────────────────────── scope, named ───────────────────────────────

const applicationsQuery = /* GraphQL */ `
  query($filter: ApplicationFilter) { applications(first: 100, filter: $filter) { totalCount edges { node { id area { code } unit { id } } } } }
`;

describe('scope filtering of lists and relations', () => {
  it.each([
    ['areaId', 'global', 'prefecture'],
    ['areaId', 'raw', 'prefecture'],
    ['unitId', 'global', 'employer'],
    ['unitId', 'raw', 'employer'],
    ['areaId', 'global', 'applicant'],
  ] as const)("applications(filter: { %s (%s id) of another area }) gives %s 0 rows and totalCount 0, not the other area's rows", async (key, form, role) => {
    const raw = key === 'areaId' ? world.programme.urumqi.areaId : world.programme.urumqi.unitId;
    const value = form === 'raw' ? raw : globalId(key === 'areaId' ? 'Area' : 'EmployerUnit', raw);
    const seenByAdmin = await api.gql(applicationsQuery, { filter: { [key]: value } }, tokenOf(world, 'regional'));
    expect(seenByAdmin.data.applications.totalCount, 'the filter does match rows for the admin').toBeGreaterThan(0);
    const response = await api.gql(applicationsQuery, { filter: { [key]: value } }, tokenOf(world, role));
    expect(response.errors).toBeUndefined();
    expect(response.data.applications).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("applications(filter: { unitId }) of another unit in the same area gives an employer reviewer 0 rows", async () => {
    const response = await api.gql(applicationsQuery, { filter: { unitId: globalId('EmployerUnit', world.programme.kashgar.otherUnitId) } }, tokenOf(world, 'employer'));
    expect(response.data.applications).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("applicationCounts(filter: { areaId of another area }) gives a prefecture reviewer no counts, not the other area's", async () => {
    const document = 'query($f: ApplicationFilter) { applicationCounts(groupBy: [STATUS], filter: $f) { __typename ... on QueryApplicationCountsSuccess { data { count } } } }';
    const filter = { areaId: globalId('Area', world.programme.urumqi.areaId) };
    const admin = await api.gql(document, { f: filter }, tokenOf(world, 'regional'));
    expect(admin.data.applicationCounts.data.length, 'the filter does match rows for the admin').toBeGreaterThan(0);
    const response = await api.gql(document, { f: filter }, tokenOf(world, 'prefecture'));
    expect(response.errors).toBeUndefined();
    expect(response.data.applicationCounts).toEqual({ __typename: 'QueryApplicationCountsSuccess', data: [] });
  });

  it('a prefecture reviewer filtering by its own area sees exactly its own area', async () => {
    const response = await api.gql(applicationsQuery, { filter: { areaId: globalId('Area', world.programme.kashgar.areaId) } }, tokenOf(world, 'prefecture'));
    const expected = await visibleApplicationIds('prefecture');
    expect(response.data.applications.totalCount).toBe(expected.length);
    expect(response.data.applications.edges.every((edge: { node: { area: { code: string } } }) => edge.node.area.code === '653100')).toBe(true);
  });

  it("an applicant reaching their unit's applications through me.unit sees only their own", async () => {
    const response = await api.gql('{ me { unit { applications(first: 50) { totalCount edges { node { id } } } } } }', {}, tokenOf(world, 'applicant'));
    expect(response.errors).toBeUndefined();
    const unitRows = await api.prisma.application.count({ where: { unitId: world.programme.kashgar.unitId } });
    expect(unitRows).toBeGreaterThan(1);
    expect(response.data.me.unit.applications.totalCount).toBe(1);
    expect(response.data.me.unit.applications.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([world.owner.application.id]);
  });

  it.each(['prefecture', 'otherPrefecture', 'regional', 'analyst'] as const)("unit.applications reached through area.units holds exactly what %s may see", async (role) => {
    const response = await api.gql('{ areas { units { id applications(first: 100) { totalCount edges { node { id } } } } } }', {}, tokenOf(world, role));
    expect(response.errors).toBeUndefined();
    const seen = response.data.areas.flatMap((area: { units: Array<{ applications: { totalCount: number; edges: Array<{ node: { id: string } }> } }> }) =>
      area.units.flatMap((unit) => {
        expect(unit.applications.totalCount).toBe(unit.applications.edges.length);
        return unit.applications.edges.map((edge) => edge.node.id);
      }),
    );
    expect(decoded(seen)).toEqual(await visibleApplicationIds(role));
  });

  it.each(['applicant', 'employer', 'prefecture'] as const)('area.units reached through the application lists only the units %s may see', async (role) => {
    const response = await api.gql('query($id: ID!) { application(id: $id) { area { units { id } } unit { id area { units { id } } } } }', { id: world.owner.application.id }, tokenOf(world, role));
    expect(response.errors).toBeUndefined();
    const application = response.data.application;
    expect(decoded(application.area.units.map((unit: { id: string }) => unit.id))).toEqual(visibleUnitIds(role));
    expect(decoded(application.unit.area.units.map((unit: { id: string }) => unit.id))).toEqual(visibleUnitIds(role));
  });

  it('units(areaId: another area) gives a prefecture reviewer 0 units and totalCount 0', async () => {
    const response = await api.gql('query($a: ID) { units(areaId: $a) { totalCount edges { node { id } } } }', { a: globalId('Area', world.programme.urumqi.areaId) }, tokenOf(world, 'prefecture'));
    expect(response.data.units).toEqual({ totalCount: 0, edges: [] });
  });

  it("quotaUsage gives a prefecture reviewer the regional totals and its own area's line, nothing of another area", async () => {
    const response = await api.gql('query($r: ID!) { quotaUsage(roundId: $r) { mode area { code } places } }', { r: world.roundGlobalId }, tokenOf(world, 'prefecture'));
    expect(response.errors).toBeUndefined();
    const lines = response.data.quotaUsage as Array<{ mode: string; area: { code: string } | null; places: number }>;
    expect(lines.filter((line) => !line.area).map((line) => line.mode).sort()).toEqual(['LOCAL', 'REMOTE']);
    expect(lines.filter((line) => line.area).map((line) => line.area!.code)).toEqual(['653100']);
  });

  it('blacklist gives an employer reviewer only the listings touching its own unit, with a matching totalCount', async () => {
    const response = await api.gql('{ blacklist(first: 100) { totalCount edges { node { id unit { id } } } } }', {}, tokenOf(world, 'employer'));
    const all = await api.prisma.blacklistEntry.count();
    expect(all).toBeGreaterThan(response.data.blacklist.totalCount);
    expect(response.data.blacklist.totalCount).toBe(1);
    expect(rawIdOf(response.data.blacklist.edges[0].node.unit.id)).toBe(world.programme.kashgar.unitId);
  });

  it("blacklist gives a prefecture reviewer the listings of its area's units and applications, not another area's", async () => {
    const response = await api.gql('{ blacklist(first: 100) { totalCount edges { node { id } } } }', {}, tokenOf(world, 'prefecture'));
    expect(response.data.blacklist.totalCount).toBe(3);
    expect(decoded(response.data.blacklist.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(await visibleListingIds('prefecture'));
  });

  it('myApplications gives an applicant only their own application', async () => {
    const response = await api.gql('{ myApplications { id } }', {}, tokenOf(world, 'applicant'));
    expect(response.data.myApplications).toEqual([{ id: world.owner.application.id }]);
  });
});

describe('node(id) and nodes(ids) keep to the same scope as the lists', () => {
  const nodeQuery = 'query($id: ID!) { node(id: $id) { id } }';

  it.each([
    ["a prefecture reviewer cannot reach another prefecture's application through node(id)", 'prefecture', () => world.urumqiApplicant.application.id],
    ["a prefecture reviewer cannot reach another prefecture's unit through node(id)", 'prefecture', () => globalId('EmployerUnit', world.programme.urumqi.unitId)],
    ["a prefecture reviewer cannot reach another prefecture's area through node(id)", 'prefecture', () => globalId('Area', world.programme.urumqi.areaId)],
    ["an employer reviewer cannot reach another unit's application of its own area through node(id)", 'employer', () => schoolApplicationId],
    ['an employer reviewer cannot reach another unit of its own area through node(id)', 'employer', () => globalId('EmployerUnit', world.programme.kashgar.otherUnitId)],
    ["an applicant cannot reach another applicant's application through node(id)", 'applicant', () => world.other.application.id],
    ["a prefecture reviewer cannot reach a listing that touches none of its units through node(id)", 'otherPrefecture', () => world.fixed.activeListingId],
  ] as const)('%s', async (_name, role, target) => {
    const response = await api.gql(nodeQuery, { id: target() }, tokenOf(world, role));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data.node).toBeNull();
  });

  it('a prefecture reviewer cannot read an audit record through node(id): null or FORBIDDEN', async () => {
    const response = await api.gql(nodeQuery, { id: globalId('AuditRecord', '1') }, tokenOf(world, 'prefecture'));
    if (response.errors?.length) expect(response.errors[0]!.extensions?.code, JSON.stringify(response.errors)).toBe('FORBIDDEN');
    expect(response.data?.node ?? null).toBeNull();
  });

  it('the same node(id) answers the regional admin, so the nulls above are scope, not a broken id', async () => {
    const response = await api.gql(nodeQuery, { id: world.urumqiApplicant.application.id }, tokenOf(world, 'regional'));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data.node).toEqual({ id: world.urumqiApplicant.application.id });
  });

  it("nodes(ids) gives a prefecture reviewer its own area's application and null for another area's", async () => {
    const response = await api.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [world.owner.application.id, world.urumqiApplicant.application.id] }, tokenOf(world, 'prefecture'));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data.nodes).toEqual([{ id: world.owner.application.id }, null]);
  });

  it("application(id) gives an applicant null for another applicant's application", async () => {
    const response = await api.gql('query($id: ID!) { application(id: $id) { id } }', { id: world.other.application.id }, tokenOf(world, 'applicant'));
    expect(response.errors).toBeUndefined();
    expect(response.data.application).toBeNull();
  });
});

// ─────────────────────────────── analysts: everything, masked ───────────────────────────────

const personalFields = 'id idNumber phone email unitContactPhone emergencyContactName emergencyContactPhone hostPreferences { contactPhone }';

describe('analysts read everything with personal identifiers masked', () => {
  it('an analyst sees the ID number as stars alone and the birth date as its month', async () => {
    const { who } = world.owner;
    const response = await api.gql(`query($id: ID!) { application(id: $id) { ${personalFields} birthDate birthMonth } }`, { id: world.owner.application.id }, tokenOf(world, 'analyst'));
    expect(response.errors).toBeUndefined();
    const application = response.data.application;
    expect(application.idNumber).toBe('*'.repeat(18));
    expect(application.birthDate).toBeNull();
    expect(application.birthMonth).toBe(who.birthDate.slice(0, 7));
    expect(application.idNumber).not.toContain(who.idNumber.slice(6, 14));
    expect(application.phone).toBe(`*******${who.phone.slice(-4)}`);
    expect(application.email).toBe('***@example.cn');
    expect(application.emergencyContactName).toBeNull();
    expect(application.emergencyContactPhone).toBeNull();
    expect(application.unitContactPhone).toMatch(/^\*+\d{4}$/);
  });

  it('a regional admin, by contrast, sees the same application unmasked', async () => {
    const response = await api.gql(`query($id: ID!) { application(id: $id) { ${personalFields} } }`, { id: world.owner.application.id }, tokenOf(world, 'regional'));
    expect(response.data.application).toMatchObject({ idNumber: world.owner.who.idNumber, phone: world.owner.who.phone, emergencyContactName: '买买提·艾力' });
  });

  it('an analyst listing every application sees no ID number, phone, e-mail or emergency contact in the clear', async () => {
    const response = await api.gql(`{ applications(first: 100) { totalCount edges { node { ${personalFields} } } } }`, {}, tokenOf(world, 'analyst'));
    expect(response.errors).toBeUndefined();
    const rows = response.data.applications.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(rows.length).toBe(await api.prisma.application.count());
    for (const application of rows) {
      expect(application.idNumber).toMatch(/^\*{18}$/);
      expect(application.phone).toMatch(/^\*+\d{4}$/);
      expect(application.email === null || /^\*\*\*@/.test(application.email)).toBe(true);
      expect(application.emergencyContactName).toBeNull();
      expect(application.emergencyContactPhone).toBeNull();
    }
    expect(JSON.stringify(response.data)).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });

  it("an analyst sees blacklisted applicants' ID numbers masked", async () => {
    const response = await api.gql('{ blacklist(first: 100) { edges { node { applicantIdNumber } } } }', {}, tokenOf(world, 'analyst'));
    const idNumbers = response.data.blacklist.edges.map((edge: { node: { applicantIdNumber: string | null } }) => edge.node.applicantIdNumber).filter(Boolean);
    expect(idNumbers.length).toBeGreaterThan(0);
    for (const idNumber of idNumbers) expect(idNumber).toMatch(/^\*{18}$/);
  });

  it("an analyst listing users sees applicants' usernames, ID numbers and phones masked", async () => {
    const response = await api.gql('{ users(first: 100, role: APPLICANT) { edges { node { username idNumber phone } } } }', {}, tokenOf(world, 'analyst'));
    const users = response.data.users.edges.map((edge: { node: Record<string, string> }) => edge.node);
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user.username).toMatch(/^\*{18}$/);
      expect(user.idNumber).toMatch(/^\*{18}$/);
      expect(user.phone).toMatch(/^\*+\d{4}$/);
    }
  });
});

// ─────────────────────────────── reviewers out of scope ───────────────────────────────

describe('reviewers cannot act on applications outside their scope', () => {
  const reviewQuery = (field: string, decision: string) =>
    `mutation($id: ID!, $version: Int!) { ${field}(id: $id, version: $version, decision: ${decision}, conductConfirmed: true) { __typename ... on Error { code message } } }`;

  it.each([
    ['an employer reviewer of another area (unit-urumqi) cannot endorse a Kashgar application', 'otherEmployer', 'employerReview', 'ENDORSE', () => world.fixed.kashgarSubmitted],
    ['an employer reviewer of another unit in the same area cannot endorse a Kashgar hospital application', 'school', 'employerReview', 'ENDORSE', () => world.fixed.kashgarSubmitted],
    ['a Kashgar employer reviewer cannot endorse an Urumqi application', 'employer', 'employerReview', 'ENDORSE', () => world.fixed.urumqiSubmitted],
    ['a prefecture reviewer of another area (pref-650100) cannot recommend a Kashgar application', 'otherPrefecture', 'prefectureReview', 'RECOMMEND', () => world.fixed.kashgarEndorsed],
  ] as const)('%s: NotFoundError, worded as for an id that does not exist, and nothing changes', async (_name, who, field, decision, target) => {
    const token = who === 'school' ? world.accounts.school.token : tokenOf(world, who);
    const application = target();
    const response = await api.gql(reviewQuery(field, decision), { id: application.id, version: application.version }, token);
    expect(response.data[field]).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const missing = await api.gql(reviewQuery(field, decision), { id: globalId('Application', '00000000-0000-4000-8000-000000000000'), version: 1 }, token);
    expect(response.data[field].message).toBe(missing.data[field].message);
    const stored = await api.prisma.application.findUniqueOrThrow({ where: { id: application.rawId } });
    expect(stored.version).toBe(application.version);
    expect(await api.prisma.review.count({ where: { applicationId: application.rawId } })).toBe(0);
  });
});

describe('responses', () => {
  it('no response of this file shows driver, SQL or stack internals', () => {
    const leaking = responses.map(({ query, body }) => ({ query: query.trim().slice(0, 80), leaks: internalLeaks(body), body: JSON.stringify(body).slice(0, 200) })).filter((entry) => entry.leaks.length);
    expect(leaking).toEqual([]);
  });
});
