// 推荐条件 1–6 (DOMAIN.md "Eligibility") as pure verdicts, one scenario per line.
import { describe, expect, it } from 'vitest';
import { areaFacts } from '@tepei/db/reference/areas';
import { blacklistExpiry, isActiveListing } from '@tepei/api/modules/eligibility/blacklist-expiry';
import {
  blockingRules,
  evaluateEligibility,
  type EligibilityFacts,
  type EligibilityRuleName,
  type RuleOutcome,
  type RuleResult,
} from '@tepei/api/modules/eligibility/eligibility.rules';

function area(name: string): EligibilityFacts['area'] {
  const fact = areaFacts.find((candidate) => candidate.name === name);
  if (!fact) throw new Error(`no area ${name}`);
  return { name: fact.name, isSouthernXinjiang: fact.isSouthernXinjiang };
}

const kashgar = area('喀什地区');
const changji = area('昌吉回族自治州');

/** A Uyghur engineer of a unit in 昌吉 who meets every rule of the 2025 round. */
function eligibleApplicant(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    ethnicity: 'UYGHUR',
    birthDate: '1986-05-12',
    education: 'BACHELOR',
    titleLevel: 'INTERMEDIATE',
    trainingSpecialty: '水利工程',
    hasDisqualifyingIllness: false,
    earlierTrainee: false,
    round: { year: 2025, ageCutoffDate: new Date('1980-01-01T00:00:00Z'), shortageSpecialties: ['人工智能', '临床医学'] },
    area: changji,
    unitName: '昌吉州水利水电勘测设计院',
    blacklistings: [],
    ...overrides,
  };
}

function verdictOf(facts: EligibilityFacts, rule: EligibilityRuleName): RuleResult {
  return evaluateEligibility(facts).find((result) => result.rule === rule)!;
}

const now = new Date('2025-03-01T10:00:00+08:00');

/** Listings as the loader hands them over: only those still in force at `now`. */
function activeListings(listings: Array<{ subject: 'APPLICANT' | 'UNIT'; listedAt: Date; liftedAt?: Date | null }>) {
  return listings
    .map((listing) => ({ ...listing, expiresAt: blacklistExpiry(listing.listedAt), reason: '虚报获奖情况' }))
    .filter((listing) => isActiveListing({ liftedAt: listing.liftedAt ?? null, expiresAt: listing.expiresAt, listedAt: listing.listedAt }, now))
    .map(({ subject, listedAt, expiresAt, reason }) => ({ subject, listedAt, expiresAt, reason }));
}

describe('each rule of 推荐条件', () => {
  const scenarios: Array<{ name: string; facts: EligibilityFacts; rule: EligibilityRuleName; outcome: RuleOutcome; reason: RegExp }> = [
    {
      name: 'born 1979-12-31, a day before the 2025 cut-off, is too old',
      facts: eligibleApplicant({ birthDate: '1979-12-31' }),
      rule: 'AGE',
      outcome: 'FAILED',
      reason: /出生日期 1979-12-31 早于 1980-01-01，超过45周岁/,
    },
    {
      name: 'born on the cut-off day 1980-01-01 is young enough',
      facts: eligibleApplicant({ birthDate: '1980-01-01' }),
      rule: 'AGE',
      outcome: 'PASSED',
      reason: /1980-01-01/,
    },
    {
      name: 'a birth date stored as a @db.Date value on the cut-off day passes in any time zone',
      facts: eligibleApplicant({ birthDate: new Date('1980-01-01T00:00:00Z') }),
      rule: 'AGE',
      outcome: 'PASSED',
      reason: /1980-01-01/,
    },
    {
      name: '大专 with 中级 in southern Xinjiang is relaxed',
      facts: eligibleApplicant({ education: 'ASSOCIATE', area: kashgar }),
      rule: 'EDUCATION_TITLE',
      outcome: 'RELAXED',
      reason: /喀什地区属南疆地区.*学历放宽至大专/,
    },
    {
      name: '大专 with 初级 fails even in southern Xinjiang: never both relaxed',
      facts: eligibleApplicant({ education: 'ASSOCIATE', titleLevel: 'JUNIOR', area: kashgar }),
      rule: 'EDUCATION_TITLE',
      outcome: 'FAILED',
      reason: /学历和职称不可同时放宽/,
    },
    {
      name: '本科 with 初级 in a shortage specialty outside the south is relaxed',
      facts: eligibleApplicant({ titleLevel: 'JUNIOR', trainingSpecialty: '人工智能' }),
      rule: 'EDUCATION_TITLE',
      outcome: 'RELAXED',
      reason: /培养专业“人工智能”属紧缺专业.*职称放宽至初级/,
    },
    {
      name: '本科 with 初级 outside the south and not a shortage specialty fails',
      facts: eligibleApplicant({ titleLevel: 'JUNIOR' }),
      rule: 'EDUCATION_TITLE',
      outcome: 'FAILED',
      reason: /仅南疆地区或紧缺专业可将职称放宽至初级/,
    },
    {
      name: '中专 cannot be relaxed anywhere',
      facts: eligibleApplicant({ education: 'SECONDARY', area: kashgar }),
      rule: 'EDUCATION_TITLE',
      outcome: 'FAILED',
      reason: /学历低于大专/,
    },
    {
      name: 'no professional title cannot be relaxed anywhere',
      facts: eligibleApplicant({ titleLevel: 'NONE', trainingSpecialty: '人工智能' }),
      rule: 'EDUCATION_TITLE',
      outcome: 'FAILED',
      reason: /无专业技术职称/,
    },
    {
      name: '硕士 with 副高级 meets the standard',
      facts: eligibleApplicant({ education: 'MASTER', titleLevel: 'SUB_SENIOR' }),
      rule: 'EDUCATION_TITLE',
      outcome: 'PASSED',
      reason: /符合本科及以上学历、中级及以上职称/,
    },
    {
      name: 'a Han applicant outside southern Xinjiang fails',
      facts: eligibleApplicant({ ethnicity: 'HAN' }),
      rule: 'ETHNICITY',
      outcome: 'FAILED',
      reason: /汉族.*昌吉回族自治州不属南疆地区/,
    },
    {
      name: 'a Han applicant in southern Xinjiang is relaxed',
      facts: eligibleApplicant({ ethnicity: 'HAN', area: area('巴音郭楞蒙古自治州') }),
      rule: 'ETHNICITY',
      outcome: 'RELAXED',
      reason: /南疆地区可适当推荐非少数民族/,
    },
    {
      name: 'a Kazakh applicant passes',
      facts: eligibleApplicant({ ethnicity: 'KAZAKH' }),
      rule: 'ETHNICITY',
      outcome: 'PASSED',
      reason: /哈萨克族/,
    },
    {
      name: 'a blacklisted applicant fails, naming listing date and expiry',
      facts: eligibleApplicant({ blacklistings: activeListings([{ subject: 'APPLICANT', listedAt: new Date('2023-03-01T09:00:00+08:00') }]) }),
      rule: 'BLACKLIST',
      outcome: 'FAILED',
      reason: /申报人于 2023-03-01 列入失信名单（虚报获奖情况），至 2028-03-01 前不得申报/,
    },
    {
      name: 'a blacklisted sending unit fails the applicant',
      facts: eligibleApplicant({ blacklistings: activeListings([{ subject: 'UNIT', listedAt: new Date('2022-07-15T16:00:00+08:00') }]) }),
      rule: 'BLACKLIST',
      outcome: 'FAILED',
      reason: /派出单位昌吉州水利水电勘测设计院于 2022-07-15 列入失信名单/,
    },
    {
      name: 'a listing older than 5 years has expired and no longer counts',
      facts: eligibleApplicant({ blacklistings: activeListings([{ subject: 'APPLICANT', listedAt: new Date('2020-02-29T09:00:00+08:00') }]) }),
      rule: 'BLACKLIST',
      outcome: 'PASSED',
      reason: /不在失信名单内/,
    },
    {
      name: 'a lifted listing no longer counts',
      facts: eligibleApplicant({
        blacklistings: activeListings([{ subject: 'UNIT', listedAt: new Date('2024-01-10T09:00:00+08:00'), liftedAt: new Date('2024-06-01T09:00:00+08:00') }]),
      }),
      rule: 'BLACKLIST',
      outcome: 'PASSED',
      reason: /不在失信名单内/,
    },
    {
      name: 'an earlier trainee is flagged for the reviewer',
      facts: eligibleApplicant({ earlierTrainee: true, earlierTrainingYear: 2018, earlierTrainingPlace: '浙江大学' }),
      rule: 'EARLIER_TRAINEE',
      outcome: 'FLAGGED',
      reason: /^曾参加特培（2018年，浙江大学），仅返岗后有突出业绩者可再次推荐，请审核人核实$/,
    },
    {
      name: 'a former trainee on the system’s record who answers 否 is flagged all the same, the earlier round named',
      facts: eligibleApplicant({ earlierTrainee: false, earlierParticipations: [{ year: 2021, hostInstitution: '北京协和医院', assessment: 'EXCELLENT' }] }),
      rule: 'EARLIER_TRAINEE',
      outcome: 'FLAGGED',
      reason: /^系统记录：2021年度入选特培（培养单位北京协和医院，结业考核优秀），申报人填报为未参加过，仅返岗后有突出业绩者可再次推荐，请审核人核实$/,
    },
    {
      name: 'a declared earlier training and the system’s record are both named',
      facts: eligibleApplicant({
        earlierTrainee: true,
        earlierTrainingYear: 2019,
        earlierTrainingPlace: '浙江大学',
        earlierParticipations: [{ year: 2022, hostInstitution: null, assessment: null }, { year: 2019, hostInstitution: '浙江大学', assessment: 'QUALIFIED' }],
      }),
      rule: 'EARLIER_TRAINEE',
      outcome: 'FLAGGED',
      reason: /^曾参加特培（2019年，浙江大学）；系统记录：2019年度入选特培（培养单位浙江大学，结业考核合格）；2022年度入选特培，仅返岗/,
    },
    {
      name: 'no declaration and no record passes',
      facts: eligibleApplicant({ earlierTrainee: false, earlierParticipations: [] }),
      rule: 'EARLIER_TRAINEE',
      outcome: 'PASSED',
      reason: /^未参加过特培$/,
    },
    {
      name: 'an illness that prevents training fails',
      facts: eligibleApplicant({ hasDisqualifyingIllness: true }),
      rule: 'HEALTH',
      outcome: 'FAILED',
      reason: /传染性疾病、精神类疾病史/,
    },
  ];

  it.each(scenarios)('$name', ({ facts, rule, outcome, reason }) => {
    const result = verdictOf(facts, rule);
    expect(result.outcome).toBe(outcome);
    expect(result.reason).toMatch(reason);
    expect(result.blocking).toBe(outcome === 'FAILED');
  });
});

describe('the verdicts together', () => {
  it('gives all six rules in order, all passed, for an eligible applicant', () => {
    const results = evaluateEligibility(eligibleApplicant());
    expect(results.map((result) => result.rule)).toEqual(['ETHNICITY', 'AGE', 'EDUCATION_TITLE', 'HEALTH', 'BLACKLIST', 'EARLIER_TRAINEE']);
    expect(results.every((result) => result.outcome === 'PASSED')).toBe(true);
    expect(blockingRules(results)).toEqual([]);
  });

  it('does not block on relaxed or flagged rules', () => {
    const results = evaluateEligibility(
      eligibleApplicant({ ethnicity: 'HAN', education: 'ASSOCIATE', area: kashgar, earlierTrainee: true, earlierTrainingYear: 2018 }),
    );
    expect(results.map((result) => result.outcome)).toEqual(['RELAXED', 'PASSED', 'RELAXED', 'PASSED', 'PASSED', 'FLAGGED']);
    expect(blockingRules(results)).toEqual([]);
  });

  it('names every failing rule as blocking', () => {
    const results = evaluateEligibility(
      eligibleApplicant({
        ethnicity: 'HAN',
        birthDate: '1979-12-31',
        hasDisqualifyingIllness: true,
        blacklistings: activeListings([{ subject: 'UNIT', listedAt: new Date('2024-05-01T09:00:00+08:00') }]),
      }),
    );
    expect(blockingRules(results)).toEqual(['ETHNICITY', 'AGE', 'HEALTH', 'BLACKLIST']);
  });
});

describe('blacklist expiry: 5 years on the Beijing calendar', () => {
  it.each([
    { listed: '2024-02-29T10:30:00+08:00', expires: '2029-02-28T10:30:00+08:00', name: '29 February ends on 28 February' },
    { listed: '2023-03-01T10:30:00+08:00', expires: '2028-03-01T10:30:00+08:00', name: 'an ordinary day ends on the same day' },
    { listed: '2024-02-29T00:30:00+08:00', expires: '2029-02-28T00:30:00+08:00', name: 'just after Beijing midnight keeps the Beijing day' },
    { listed: '2023-12-31T23:59:59+08:00', expires: '2028-12-31T23:59:59+08:00', name: 'the last second of a Beijing year keeps its day' },
  ])('$name', ({ listed, expires }) => {
    expect(blacklistExpiry(new Date(listed)).toISOString()).toBe(new Date(expires).toISOString());
  });

  it('is active until the expiry instant, not at it, and never once lifted', () => {
    const listedAt = new Date('2023-03-01T10:30:00+08:00');
    const expiresAt = blacklistExpiry(listedAt);
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(isActiveListing({ liftedAt: null, expiresAt, listedAt }, justBefore)).toBe(true);
    expect(isActiveListing({ liftedAt: null, expiresAt, listedAt }, expiresAt)).toBe(false);
    expect(isActiveListing({ liftedAt: new Date('2024-01-01T00:00:00Z'), expiresAt, listedAt }, justBefore)).toBe(false);
    expect(isActiveListing({ liftedAt: null, expiresAt, listedAt }, new Date(listedAt.getTime() - 1))).toBe(false);
  });
});
