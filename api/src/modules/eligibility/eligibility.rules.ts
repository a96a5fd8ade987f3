// 推荐条件 — DOMAIN.md "Eligibility", rules 1–6, as the system can check them from the
// application. Pure: the facts come in (eligibility.loader.ts gathers them), the verdicts go
// out, each with a Chinese reason a reviewer can act on. Rule 7 (political and moral
// conditions) is the reviewer's judgement and is never computed.
import { Education, TitleLevel, type Ethnicity } from '@tepei/db/enums';
import { assessmentLabels } from '@tepei/db/reference/certificate-number';
import { ethnicityFacts } from '@tepei/db/reference/ethnicities';
import { beijingDate } from '../../clock.ts';
import { educationLabels, titleLevelLabels } from '../applications/application-form.ts';

export type EligibilityRuleName = 'ETHNICITY' | 'AGE' | 'EDUCATION_TITLE' | 'HEALTH' | 'BLACKLIST' | 'EARLIER_TRAINEE';
export type RuleOutcome = 'PASSED' | 'FAILED' | 'RELAXED' | 'FLAGGED';

/** The rules in the order of the notice's 推荐条件, which is the order results come in. */
export const eligibilityRuleNames: readonly EligibilityRuleName[] = [
  'ETHNICITY',
  'AGE',
  'EDUCATION_TITLE',
  'HEALTH',
  'BLACKLIST',
  'EARLIER_TRAINEE',
];

export const eligibilityRuleLabels: Record<EligibilityRuleName, string> = {
  ETHNICITY: '民族',
  AGE: '年龄',
  EDUCATION_TITLE: '学历与职称',
  HEALTH: '健康状况',
  BLACKLIST: '失信名单',
  EARLIER_TRAINEE: '曾参加特培',
};

export const ruleOutcomeLabels: Record<RuleOutcome, string> = {
  PASSED: '符合',
  FAILED: '不符合',
  RELAXED: '放宽后符合',
  FLAGGED: '需审核人关注',
};

export interface RuleResult {
  rule: EligibilityRuleName;
  outcome: RuleOutcome;
  /** Chinese, naming the facts that decided, e.g. "出生日期 1979-12-31 早于 1980-01-01，超过45周岁". */
  reason: string;
  /** True exactly when the outcome is FAILED: the application may not be recommended. */
  blocking: boolean;
}

/** The same person (ID number) selected in an earlier round, as the system's own records show it. */
export interface EarlierParticipationFact {
  year: number;
  hostInstitution: string | null;
  assessment: string | null;
}

export interface BlacklistingFact {
  subject: 'APPLICANT' | 'UNIT';
  listedAt: Date;
  expiresAt: Date;
  reason: string;
}

/** The form's facts are null only in a draft not filled in that far: the rule then cannot pass. */
export interface EligibilityFacts {
  ethnicity: Ethnicity | null;
  /** A calendar date: a @db.Date value (midnight UTC) or 'YYYY-MM-DD'. */
  birthDate: Date | string | null;
  education: Education | null;
  titleLevel: TitleLevel | null;
  trainingSpecialty: string;
  hasDisqualifyingIllness: boolean | null;
  earlierTrainee: boolean | null;
  earlierTrainingYear?: number | null;
  earlierTrainingPlace?: string | null;
  /** Earlier rounds this ID number was selected in (not only what form 2 declares); none when not given. */
  earlierParticipations?: readonly EarlierParticipationFact[];
  round: {
    /** The round's year, for the age limit in reasons (year − cut-off year, 45 for 2025). */
    year?: number;
    /** Born on or after this date (1 January of year − 45). */
    ageCutoffDate: Date | string;
    /** 紧缺专业 of the round. */
    shortageSpecialties: string[];
  };
  /** The recommending area of the applicant's unit. */
  area: { name: string; isSouthernXinjiang: boolean };
  unitName: string;
  /** Only listings in force (not lifted, not expired at `now`): see blacklist-expiry.ts. */
  blacklistings: BlacklistingFact[];
}

/** All six verdicts, in rule order. */
export function evaluateEligibility(facts: EligibilityFacts): RuleResult[] {
  return [
    ethnicityRule(facts),
    ageRule(facts),
    educationTitleRule(facts),
    healthRule(facts),
    blacklistRule(facts),
    earlierTraineeRule(facts),
  ];
}

/** The rules that stop a recommendation. */
export function blockingRules(results: RuleResult[]): EligibilityRuleName[] {
  return results.filter((result) => result.blocking).map((result) => result.rule);
}

function verdict(rule: EligibilityRuleName, outcome: RuleOutcome, reason: string): RuleResult {
  return { rule, outcome, reason, blocking: outcome === 'FAILED' };
}

/** A rule whose facts a draft has not given yet. */
function notFilledIn(rule: EligibilityRuleName, fields: string[]): RuleResult {
  return verdict(rule, 'FAILED', `申报表未填写${fields.join('、')}，无法核对`);
}

// 1. 民族: minorities; southern Xinjiang may recommend a few non-minority applicants.
function ethnicityRule({ ethnicity, area }: EligibilityFacts): RuleResult {
  if (!ethnicity) return notFilledIn('ETHNICITY', ['民族']);
  const name = ethnicityFacts[ethnicity].name;
  if (ethnicity !== 'HAN') return verdict('ETHNICITY', 'PASSED', `${name}，属少数民族`);
  if (area.isSouthernXinjiang) {
    return verdict('ETHNICITY', 'RELAXED', `${name}，所在地区${area.name}属南疆地区，南疆地区可适当推荐非少数民族`);
  }
  return verdict('ETHNICITY', 'FAILED', `${name}，所在地区${area.name}不属南疆地区，仅南疆地区可推荐非少数民族`);
}

// 2. 年龄: born on or after the cut-off date (the cut-off day itself passes).
function ageRule({ birthDate, round }: EligibilityFacts): RuleResult {
  if (!birthDate) return notFilledIn('AGE', ['出生日期']);
  const born = calendarDate(birthDate);
  const cutoff = calendarDate(round.ageCutoffDate);
  const limit = round.year === undefined ? '' : `，超过${round.year - Number(cutoff.slice(0, 4))}周岁`;
  if (born >= cutoff) return verdict('AGE', 'PASSED', `出生日期 ${born}，不早于 ${cutoff}`);
  return verdict('AGE', 'FAILED', `出生日期 ${born} 早于 ${cutoff}${limit}`);
}

const educationOrder = Object.values(Education);
const titleOrder = Object.values(TitleLevel);
const atLeast = <T>(order: readonly T[], value: T, minimum: T) => order.indexOf(value) >= order.indexOf(minimum);

// 3. 学历与职称: 本科 and 中级 or higher; for shortage specialties or southern Xinjiang one of
// them — never both — may be relaxed, to 大专 or 初级.
function educationTitleRule({ education, titleLevel, trainingSpecialty, round, area }: EligibilityFacts): RuleResult {
  if (!education || !titleLevel) return notFilledIn('EDUCATION_TITLE', [...(education ? [] : ['最高学历']), ...(titleLevel ? [] : ['专业技术职称层级'])]);
  const educationName = educationLabels[education];
  const titleName = titleLevelLabels[titleLevel];
  const stated = `学历${educationName}、职称${titleName}`;
  const educationMet = atLeast(educationOrder, education, 'BACHELOR');
  const titleMet = atLeast(titleOrder, titleLevel, 'INTERMEDIATE');
  if (educationMet && titleMet) return verdict('EDUCATION_TITLE', 'PASSED', `${stated}，符合本科及以上学历、中级及以上职称`);

  const belowFloor = [
    ...(atLeast(educationOrder, education, 'ASSOCIATE') ? [] : ['学历低于大专']),
    ...(atLeast(titleOrder, titleLevel, 'JUNIOR') ? [] : ['无专业技术职称']),
  ];
  if (belowFloor.length) return verdict('EDUCATION_TITLE', 'FAILED', `${stated}，${belowFloor.join('、')}，不可放宽`);
  if (!educationMet && !titleMet) return verdict('EDUCATION_TITLE', 'FAILED', `${stated}，学历和职称不可同时放宽`);

  const relaxed = educationMet ? { what: '职称', to: '初级' } : { what: '学历', to: '大专' };
  const specialty = trainingSpecialty.trim();
  const grounds = [
    ...(area.isSouthernXinjiang ? [`所在地区${area.name}属南疆地区`] : []),
    ...(round.shortageSpecialties.some((listed) => listed.trim() === specialty) ? [`培养专业“${specialty}”属紧缺专业`] : []),
  ];
  if (grounds.length) return verdict('EDUCATION_TITLE', 'RELAXED', `${stated}，${grounds.join('且')}，${relaxed.what}放宽至${relaxed.to}`);
  return verdict(
    'EDUCATION_TITLE',
    'FAILED',
    `${stated}，仅南疆地区或紧缺专业可将${relaxed.what}放宽至${relaxed.to}；所在地区${area.name}不属南疆地区，培养专业“${specialty}”不属紧缺专业`,
  );
}

// 4. 健康状况: the has/has-not box of form 2.
function healthRule({ hasDisqualifyingIllness }: EligibilityFacts): RuleResult {
  if (hasDisqualifyingIllness === null) return notFilledIn('HEALTH', ['健康状况']);
  if (hasDisqualifyingIllness) return verdict('HEALTH', 'FAILED', '申报表填报有传染性疾病、精神类疾病史等影响正常培训的情况');
  return verdict('HEALTH', 'PASSED', '申报表填报无影响正常培训的疾病史');
}

// 5. 失信名单: neither the applicant nor the sending unit within 5 years of listing.
function blacklistRule({ blacklistings, unitName }: EligibilityFacts): RuleResult {
  if (!blacklistings.length) return verdict('BLACKLIST', 'PASSED', '申报人及派出单位均不在失信名单内');
  const listings = [...blacklistings]
    .sort((a, b) => a.listedAt.getTime() - b.listedAt.getTime())
    .map((listing) => {
      const subject = listing.subject === 'APPLICANT' ? '申报人' : `派出单位${unitName}`;
      return `${subject}于 ${beijingDate(listing.listedAt)} 列入失信名单（${listing.reason}），至 ${beijingDate(listing.expiresAt)} 前不得申报`;
    });
  return verdict('BLACKLIST', 'FAILED', listings.join('；'));
}

// 6. 曾参加特培: allowed only for outstanding achievement after returning — a reviewer decides.
// The system's own history counts as much as the applicant's answer on form 2: a former trainee
// who answers 否 is flagged all the same, with the earlier round, host and assessment named.
function earlierTraineeRule({ earlierTrainee, earlierTrainingYear, earlierTrainingPlace, earlierParticipations = [] }: EligibilityFacts): RuleResult {
  const onRecord = [...earlierParticipations].sort((a, b) => a.year - b.year).map(describeParticipation);
  if (earlierTrainee === null && !onRecord.length) return notFilledIn('EARLIER_TRAINEE', ['是否参加过特培学习']);
  if (!earlierTrainee && !onRecord.length) return verdict('EARLIER_TRAINEE', 'PASSED', '未参加过特培');
  const declared = earlierTrainee
    ? `曾参加特培（${[earlierTrainingYear ? `${earlierTrainingYear}年` : '', earlierTrainingPlace?.trim() ?? ''].filter(Boolean).join('，') || '时间、单位未填'}）`
    : '';
  const answered = earlierTrainee === null ? '，申报人尚未填报是否参加过' : earlierTrainee ? '' : '，申报人填报为未参加过';
  const recorded = onRecord.length ? `系统记录：${onRecord.join('；')}${answered}` : '';
  return verdict('EARLIER_TRAINEE', 'FLAGGED', `${[declared, recorded].filter(Boolean).join('；')}，仅返岗后有突出业绩者可再次推荐，请审核人核实`);
}

function describeParticipation({ year, hostInstitution, assessment }: EarlierParticipationFact): string {
  const details = [hostInstitution ? `培养单位${hostInstitution}` : '', assessment ? `结业考核${assessmentLabels[assessment as keyof typeof assessmentLabels] ?? assessment}` : ''].filter(Boolean);
  return `${year}年度入选特培${details.length ? `（${details.join('，')}）` : ''}`;
}

/** YYYY-MM-DD of a calendar date; a Date is a @db.Date value, read in UTC where it was stored. */
function calendarDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
