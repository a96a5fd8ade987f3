// The loader gathers the rules' facts from the database: only listings in force count, and a
// page of applications costs the same few queries whatever its size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area, EmployerUnit, Prisma, PrismaClient, Round } from '@tepei/db/client';
import { areaFacts, residentRegionCode } from '@tepei/db/reference/areas';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { connectPrisma, disconnectPrisma } from '@tepei/api/db';
import { blacklistExpiry } from '@tepei/api/modules/eligibility/blacklist-expiry';
import { eligibilityFor, eligibilitySelect, loadEligibility } from '@tepei/api/modules/eligibility/eligibility.loader';
import { blockingRules, type RuleResult } from '@tepei/api/modules/eligibility/eligibility.rules';
import { countStatements } from '../support/sql-count.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const now = new Date('2025-03-01T10:00:00+08:00');

let db: TestDatabase;
let prisma: PrismaClient;
let round: Round;
let changji: Area;
let kashgar: Area;
let designInstitute: EmployerUnit;
let hospital: EmployerUnit;
let listedApplicantId: string;
let formerlyListedApplicantId: string;

async function createArea(name: string): Promise<Area> {
  const { code, kind, isSouthernXinjiang } = areaFacts.find((fact) => fact.name === name)!;
  return prisma.area.create({ data: { code, name, kind, isSouthernXinjiang } });
}

/** An eligible Uyghur engineer of `unit`, born 1986, the `sequence`-th of that unit. */
function applicationOf(unit: EmployerUnit, area: Area, sequence: number): Prisma.ApplicationUncheckedCreateInput {
  return {
    roundId: round.id,
    unitId: unit.id,
    areaId: area.id,
    mode: 'LOCAL',
    name: `申报人${sequence}`,
    gender: 'MALE',
    ethnicity: 'UYGHUR',
    birthDate: new Date('1986-05-12T00:00:00Z'),
    idNumber: composeResidentId(residentRegionCode(area.code), '1986-05-12', 'MALE', sequence),
    politicalStatus: 'MASSES',
    chineseProficiency: 'GOOD',
    graduateSchool: '新疆大学',
    education: 'BACHELOR',
    majorStudied: '土木工程',
    currentSpecialty: '结构设计',
    trainingSpecialty: '土木工程',
    department: '设计室',
    unitAddress: unit.address,
    titleLevel: 'INTERMEDIATE',
    phone: '13899912345',
    unitContactName: '王建国',
    unitContactPhone: '0994-2345678',
    emergencyContactName: '艾力',
    emergencyContactPhone: '13999887766',
    studyGoals: '系统学习结构健康监测方法，返岗后开展本地区桥梁安全评估工作。',
    intendedSpecialty: '结构工程',
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = connectPrisma({ url: db.url, poolSize: db.poolSize, embedded: db.engine === 'embedded' });
  round = await prisma.round.create({
    data: {
      year: 2025,
      name: '2025年度',
      applicationDeadline: new Date('2025-03-05T23:59:59.999+08:00'),
      recommendationDeadline: new Date('2025-03-20T23:59:59.999+08:00'),
      ageCutoffDate: new Date('1980-01-01T00:00:00Z'),
      shortageSpecialties: ['人工智能'],
    },
  });
  changji = await createArea('昌吉回族自治州');
  kashgar = await createArea('喀什地区');
  designInstitute = await prisma.employerUnit.create({
    data: { name: '昌吉州建筑设计研究院', nature: 'PUBLIC_INSTITUTION', areaId: changji.id, address: '昌吉市延安北路 88 号' },
  });
  hospital = await prisma.employerUnit.create({
    data: { name: '喀什地区第一人民医院', nature: 'PUBLIC_INSTITUTION', areaId: kashgar.id, address: '喀什市迎宾大道 120 号' },
  });

  const listed = await prisma.application.create({ data: applicationOf(designInstitute, changji, 1) });
  const formerlyListed = await prisma.application.create({ data: applicationOf(designInstitute, changji, 2) });
  listedApplicantId = listed.id;
  formerlyListedApplicantId = formerlyListed.id;

  const listing = (listedAt: string) => ({ listedAt: new Date(listedAt), expiresAt: blacklistExpiry(new Date(listedAt)) });
  await prisma.blacklistEntry.createMany({
    data: [
      // In force: listed two years ago.
      { applicantIdNumber: listed.idNumber, reasonKind: 'FRAUD', reason: '虚报获奖情况', ...listing('2023-03-01T09:00:00+08:00') },
      // Expired: more than 5 years ago.
      { applicantIdNumber: formerlyListed.idNumber, reasonKind: 'ABANDONMENT', reason: '入选后放弃培养', ...listing('2019-06-01T09:00:00+08:00') },
      // Lifted by the regional bureau before it expired.
      {
        unitId: designInstitute.id,
        reasonKind: 'OTHER',
        reason: '材料审核不严',
        ...listing('2024-01-10T09:00:00+08:00'),
        liftedAt: new Date('2024-06-01T09:00:00+08:00'),
        liftReason: '经复核撤销',
      },
    ],
  });
});

afterAll(async () => {
  await disconnectPrisma();
  await db?.close();
});

const verdict = (results: RuleResult[] | undefined, rule: RuleResult['rule']) => results?.find((result) => result.rule === rule);

describe('loading eligibility from the database', () => {
  it('fails the actively listed applicant only; expired and lifted listings do not count', async () => {
    const applications = await prisma.application.findMany({
      where: { id: { in: [listedApplicantId, formerlyListedApplicantId] } },
      select: eligibilitySelect,
    });
    const results = await loadEligibility(applications, now);

    expect(verdict(results.get(listedApplicantId), 'BLACKLIST')).toMatchObject({ outcome: 'FAILED', blocking: true });
    expect(verdict(results.get(listedApplicantId), 'BLACKLIST')!.reason).toMatch(/申报人于 2023-03-01 列入失信名单（虚报获奖情况），至 2028-03-01 前不得申报/);
    expect(blockingRules(results.get(listedApplicantId)!)).toEqual(['BLACKLIST']);

    expect(verdict(results.get(formerlyListedApplicantId), 'BLACKLIST')).toMatchObject({ outcome: 'PASSED', blocking: false });
    expect(blockingRules(results.get(formerlyListedApplicantId)!)).toEqual([]);
  });

  it('answers for one application by id', async () => {
    const results = await eligibilityFor(listedApplicantId, now);
    expect(blockingRules(results)).toEqual(['BLACKLIST']);
  });

  it('does not count a listing before the day it was made', async () => {
    const results = await eligibilityFor(listedApplicantId, new Date('2023-02-28T09:00:00+08:00'));
    expect(blockingRules(results)).toEqual([]);
  });
});

describe('the cost of a page of applications', () => {

  it('is the same five queries for 2 applications as for 20 across units and areas', async () => {
    await prisma.application.createMany({
      data: Array.from({ length: 18 }, (_, i) =>
        i % 2 ? applicationOf(designInstitute, changji, 10 + i) : applicationOf(hospital, kashgar, 10 + i),
      ),
    });
    const all = await prisma.application.findMany({ select: eligibilitySelect, orderBy: { idNumber: 'asc' } });
    expect(all).toHaveLength(20);
    const two = all.filter((application) => application.id === listedApplicantId || application.id === formerlyListedApplicantId);

    const forTwo = await countStatements(() => loadEligibility(two, now));
    const forTwenty = await countStatements(async () => {
      const results = await loadEligibility(all, now);
      expect(results.size).toBe(20);
    });

    expect(forTwo).toBe(5);
    expect(forTwenty).toBe(forTwo);
  });
});
