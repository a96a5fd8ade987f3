// Named scenarios in the open round that exercise each rule of DOMAIN.md "Eligibility" and the
// blacklist. Each is found by its ID number (`edgeCaseIdNumbers(year)`), which is also the
// applicant's username, except the two demo applicants who sign in as applicant / applicant2.
import type { ApplicationStatus, BlacklistReason, Education, Ethnicity, Gender, TitleLevel, TrainingMode } from '../src/client.ts';
import { residentRegionCode } from '../src/reference/areas.ts';
import { composeResidentId } from '../src/reference/resident-id.ts';
import { addDays, beijingInstant } from './calendar.ts';
import type { Finding, ReviewNote } from './history.ts';
import { ageCutoffFor } from './rounds.ts';
import { unitSpecs } from './units.ts';

export type EdgeCaseName =
  | 'bornOnCutoff'
  | 'bornDayBeforeCutoff'
  | 'relaxedEducation'
  | 'relaxedTitle'
  | 'bothRelaxed'
  | 'blacklistedApplicant'
  | 'blacklistedUnit'
  | 'expiredBlacklisting'
  | 'earlierTrainee'
  | 'hanInSouthernUnit'
  | 'demoApplicant'
  | 'demoApplicant2';

export interface EdgeCase {
  name: EdgeCaseName;
  /** What the scenario shows, for whoever looks it up. */
  about: string;
  unitName: string;
  mode: TrainingMode;
  person: { name: string; gender: Gender; ethnicity: Ethnicity; birthDate: string; sequence: number };
  status: ApplicationStatus;
  username?: string;
  education?: Education;
  titleLevel?: TitleLevel;
  trainingSpecialty?: string;
  earlierTraining?: { year: number; place: string };
  finalNote?: ReviewNote;
  endorsementFindings?: Finding[];
}

/** The unit on the blacklist since 2024 (its one application, a draft, is `blacklistedUnit`). */
export const blacklistedUnitName = '新疆丝路云图信息科技有限公司';

export function edgeCases(roundYear: number): EdgeCase[] {
  const cutoff = ageCutoffFor(roundYear);
  return [
    {
      name: 'bornOnCutoff',
      about: '生于年龄截止日当天：符合年龄条件（含当日）',
      unitName: '乌鲁木齐市第一人民医院',
      mode: 'REMOTE',
      person: { name: '热依拉·阿不都拉', gender: 'FEMALE', ethnicity: 'UYGHUR', birthDate: cutoff, sequence: 101 },
      status: 'SUBMITTED',
      education: 'BACHELOR',
      titleLevel: 'SUB_SENIOR',
    },
    {
      name: 'bornDayBeforeCutoff',
      about: '生于年龄截止日前一天：超过45周岁，不符合年龄条件，待单位审核',
      unitName: '伊犁哈萨克自治州友谊医院',
      mode: 'LOCAL',
      person: { name: '叶尔兰·别克', gender: 'MALE', ethnicity: 'KAZAKH', birthDate: addDays(cutoff, -1), sequence: 102 },
      status: 'SUBMITTED',
      education: 'BACHELOR',
      titleLevel: 'SUB_SENIOR',
    },
    {
      name: 'relaxedEducation',
      about: '南疆单位，大专学历＋中级职称：学历放宽（非紧缺专业，凭南疆地区放宽）',
      unitName: '喀什地区第一人民医院',
      mode: 'LOCAL',
      person: { name: '阿依努尔·托合提', gender: 'FEMALE', ethnicity: 'UYGHUR', birthDate: '1990-06-18', sequence: 103 },
      status: 'RECOMMENDED',
      education: 'ASSOCIATE',
      titleLevel: 'INTERMEDIATE',
      trainingSpecialty: '药学',
      endorsementFindings: [
        { item: 'education', result: 'PASS', comment: '南疆地区单位，学历放宽至大专；职称为中级，未同时放宽' },
      ],
    },
    {
      name: 'relaxedTitle',
      about: '北疆单位，本科＋初级职称，培养专业为紧缺专业：职称放宽',
      unitName: '新疆伊犁河谷信息技术有限公司',
      mode: 'REMOTE',
      person: { name: '努尔兰·哈那提', gender: 'MALE', ethnicity: 'KAZAKH', birthDate: '1994-09-03', sequence: 104 },
      status: 'ENDORSED',
      education: 'BACHELOR',
      titleLevel: 'JUNIOR',
      trainingSpecialty: '计算机科学与技术',
      endorsementFindings: [
        { item: 'titleLevel', result: 'PASS', comment: '计算机科学与技术为本年度紧缺专业，职称放宽至初级；学历为本科，未同时放宽' },
      ],
    },
    {
      name: 'bothRelaxed',
      about: '大专＋初级：学历和职称不可同时放宽，单位审核不通过',
      unitName: '和田地区人民医院',
      mode: 'LOCAL',
      person: { name: '古丽娜尔·买买提', gender: 'FEMALE', ethnicity: 'UYGHUR', birthDate: '1992-04-12', sequence: 105 },
      status: 'EMPLOYER_REJECTED',
      education: 'ASSOCIATE',
      titleLevel: 'JUNIOR',
      trainingSpecialty: '护理学',
      finalNote: {
        reason: '学历（大专）与专业技术职称（初级）均低于推荐条件，按规定不可同时放宽，不予推荐',
        findings: [
          { item: 'education', result: 'FAIL', comment: '学历为大专，低于本科要求' },
          { item: 'titleLevel', result: 'FAIL', comment: '职称为初级，低于中级要求；学历和职称不可同时放宽' },
        ],
      },
    },
    {
      name: 'blacklistedApplicant',
      about: '申报人2023年因虚报获奖成果列入失信名单（5年内有效），本年度申报为草稿',
      unitName: '阿克苏地区第一人民医院',
      mode: 'REMOTE',
      person: { name: '吐尔洪·艾则孜', gender: 'MALE', ethnicity: 'UYGHUR', birthDate: '1986-11-23', sequence: 106 },
      status: 'DRAFT',
    },
    {
      name: 'blacklistedUnit',
      about: '派出单位2024年列入失信名单（5年内有效），其职工本年度申报为草稿',
      unitName: blacklistedUnitName,
      mode: 'LOCAL',
      person: { name: '马文斌', gender: 'MALE', ethnicity: 'HUI', birthDate: '1989-07-07', sequence: 107 },
      status: 'DRAFT',
    },
    {
      name: 'expiredBlacklisting',
      about: '申报人及单位2019年列入失信名单，2024年已期满，本年度可正常申报',
      unitName: '博尔塔拉蒙古自治州人民医院',
      mode: 'REMOTE',
      person: { name: '巴特尔', gender: 'MALE', ethnicity: 'MONGOL', birthDate: '1987-08-15', sequence: 108 },
      status: 'SUBMITTED',
    },
    {
      name: 'earlierTrainee',
      about: '2018年参加过特培（浙江大学），返岗后业绩突出再次申报，提示审核人员关注',
      unitName: '塔城地区人民医院',
      mode: 'REMOTE',
      person: { name: '哈丽达·沙吾提', gender: 'FEMALE', ethnicity: 'KAZAKH', birthDate: '1986-05-20', sequence: 109 },
      status: 'ENDORSED',
      education: 'MASTER',
      titleLevel: 'SUB_SENIOR',
      earlierTraining: { year: 2018, place: '浙江大学' },
    },
    {
      name: 'hanInSouthernUnit',
      about: '南疆单位推荐的汉族申报人（"南疆地区可适当推荐部分非少数民族"）',
      unitName: '和田地区人民医院',
      mode: 'REMOTE',
      person: { name: '王建国', gender: 'MALE', ethnicity: 'HAN', birthDate: '1987-10-01', sequence: 110 },
      status: 'RECOMMENDED',
      education: 'BACHELOR',
      titleLevel: 'INTERMEDIATE',
    },
    {
      name: 'demoApplicant',
      about: '演示账号 applicant：喀什地区单位，本年度申报为草稿',
      unitName: '喀什地区第二人民医院',
      mode: 'REMOTE',
      person: { name: '阿依古丽·买买提', gender: 'FEMALE', ethnicity: 'UYGHUR', birthDate: '1991-03-08', sequence: 111 },
      status: 'DRAFT',
      username: 'applicant',
      education: 'BACHELOR',
      titleLevel: 'INTERMEDIATE',
    },
    {
      name: 'demoApplicant2',
      about: '演示账号 applicant2：单位审核退回修改',
      unitName: '昌吉回族自治州人民医院',
      mode: 'LOCAL',
      person: { name: '马晓燕', gender: 'FEMALE', ethnicity: 'HUI', birthDate: '1988-12-02', sequence: 112 },
      status: 'RETURNED_TO_APPLICANT',
      username: 'applicant2',
      education: 'BACHELOR',
      titleLevel: 'INTERMEDIATE',
      finalNote: {
        reason: '学历、学位证书扫描件不清晰，请重新上传；工作经历起止时间填写不完整，请补充',
        findings: [
          { item: 'education', result: 'NEEDS_CORRECTION', comment: '学历、学位证书扫描件不清晰，请重新上传' },
          { item: 'workHistory[0]', result: 'NEEDS_CORRECTION', comment: '工作经历起止时间填写不完整，请补充' },
        ],
      },
    },
  ];
}

function unitAreaCode(unitName: string): string {
  const spec = unitSpecs.find((unit) => unit.name === unitName);
  if (!spec) throw new Error(`edge case names an unknown unit: ${unitName}`);
  return spec.areaCode;
}

export function edgeCaseIdNumber(edgeCase: EdgeCase): string {
  const { birthDate, gender, sequence } = edgeCase.person;
  return composeResidentId(residentRegionCode(unitAreaCode(edgeCase.unitName)), birthDate, gender, sequence);
}

/** The marker of each scenario in the round of `roundYear`: its applicant's ID number. */
export function edgeCaseIdNumbers(roundYear: number): Record<EdgeCaseName, string> {
  return Object.fromEntries(edgeCases(roundYear).map((edgeCase) => [edgeCase.name, edgeCaseIdNumber(edgeCase)])) as Record<EdgeCaseName, string>;
}

/** Blacklistings that are part of the scenarios (the 2025 abandonments add theirs). */
export interface ScenarioListing {
  scenario: EdgeCaseName;
  listsApplicant: boolean;
  listsUnit: boolean;
  reasonKind: BlacklistReason;
  reason: string;
  listedAt: Date;
}

export const scenarioListings: readonly ScenarioListing[] = [
  {
    scenario: 'blacklistedApplicant',
    listsApplicant: true,
    listsUnit: false,
    reasonKind: 'FRAUD',
    reason: '2023年度申报中虚报获奖成果（伪造地区级获奖证书），经核实列入失信名单，5年内不予申报特培项目',
    listedAt: beijingInstant('2023-04-18', '10:30:00.000'),
  },
  {
    scenario: 'blacklistedUnit',
    listsApplicant: false,
    listsUnit: true,
    reasonKind: 'FRAUD',
    reason: '2024年度审核中为申报人出具虚假工作业绩证明，派出单位列入失信名单，5年内不予申报特培项目',
    listedAt: beijingInstant('2024-05-08', '10:00:00.000'),
  },
  {
    scenario: 'expiredBlacklisting',
    listsApplicant: true,
    listsUnit: true,
    reasonKind: 'ABANDONMENT',
    reason: '2018年度入选后随意放弃培养，申报人及派出单位列入失信名单',
    listedAt: beijingInstant('2019-03-01', '10:00:00.000'),
  },
];
