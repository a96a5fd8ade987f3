// Forms 2 (学员申报表) and 3 (申报培养单位志愿表) of one application, filled the way a real
// applicant of that unit, age and field would fill them, and always within the rules on
// education and title unless a scenario asks otherwise.
import type { ChineseProficiency, Education, PoliticalStatus, Prisma, TitleLevel, TrainingMode } from '../src/client.ts';
import { calendarDate } from './calendar.ts';
import { emailAddress, mobilePhone, personName, type Person } from './people.ts';
import type { Random } from './random.ts';
import type { SeedRound } from './rounds.ts';
import { hostPhoneAreaCode, sectors, type Discipline, type SectorProfile } from './sectors.ts';
import { listedMentor, seedHosts } from './host-institutions.ts';
import type { SeedUnit } from './units.ts';

type Row<T> = Omit<T, 'id' | 'applicationId'>;

export type ApplicationForm = Omit<
  Prisma.ApplicationCreateManyInput,
  | 'id' | 'roundId' | 'applicantId' | 'unitId' | 'areaId' | 'mode' | 'status' | 'version' | 'serialNumber'
  | 'submittedAt' | 'endorsedAt' | 'recommendedAt' | 'decidedAt' | 'createdAt' | 'updatedAt'
>;

export interface FilledForms {
  form: ApplicationForm;
  workHistory: Row<Prisma.WorkHistoryEntryCreateManyInput>[];
  awards: Row<Prisma.AwardCreateManyInput>[];
  publications: Row<Prisma.PublicationCreateManyInput>[];
  hostPreferences: Row<Prisma.HostPreferenceCreateManyInput>[];
}

/** What a scenario fixes; everything else is drawn. */
export interface FormChoices {
  education?: Education;
  titleLevel?: TitleLevel;
  /** Picks the discipline of the unit's sector that trains in this specialty. */
  trainingSpecialty?: string;
  earlierTraining?: { year: number; place: string };
}

const yearsToGraduate: Record<Education, number> = { SECONDARY: 19, ASSOCIATE: 21, BACHELOR: 22, MASTER: 25, DOCTORATE: 28 };

const politicalStatuses: readonly (readonly [PoliticalStatus, number])[] = [
  ['CPC_MEMBER', 45], ['CPC_PROBATIONARY', 3], ['CYL_MEMBER', 3], ['DEMOCRATIC_PARTY', 2], ['NON_PARTISAN', 1], ['MASSES', 46],
];
const proficiencies: readonly (readonly [ChineseProficiency, number])[] = [['GOOD', 60], ['FAIRLY_GOOD', 32], ['AVERAGE', 8]];

function chooseDiscipline(random: Random, sector: SectorProfile, trainingSpecialty?: string): Discipline {
  if (!trainingSpecialty) return random.pick(sector.disciplines);
  const matching = sector.disciplines.filter((discipline) => discipline.trainingSpecialty === trainingSpecialty);
  if (matching.length === 0) throw new Error(`no discipline trains in ${trainingSpecialty}`);
  return random.pick(matching);
}

/**
 * Education and title within 推荐条件(四): bachelor and intermediate, or one of the two relaxed
 * (大专 or 初级) in a southern-Xinjiang unit or a shortage specialty, never both.
 */
function chooseQualifications(
  random: Random,
  age: number,
  mayRelax: boolean,
): { education: Education; titleLevel: TitleLevel } {
  let education = random.weighted<Education>([['ASSOCIATE', 6], ['BACHELOR', 71], ['MASTER', 19], ['DOCTORATE', 4]]);
  let titleLevel = random.weighted<TitleLevel>([['JUNIOR', 9], ['INTERMEDIATE', 63], ['SUB_SENIOR', 23], ['SENIOR', 5]]);
  // Seniority takes years.
  if (age < 34 && (titleLevel === 'SUB_SENIOR' || titleLevel === 'SENIOR')) titleLevel = 'INTERMEDIATE';
  if (age < 40 && titleLevel === 'SENIOR') titleLevel = 'SUB_SENIOR';
  if (age < 31 && education === 'DOCTORATE') education = 'MASTER';
  // A doctorate earns an intermediate title on appointment; an associate degree rarely reaches the top.
  if (education === 'DOCTORATE' && titleLevel === 'JUNIOR') titleLevel = 'INTERMEDIATE';
  if (education === 'ASSOCIATE' && titleLevel === 'SENIOR') titleLevel = 'SUB_SENIOR';
  const educationRelaxed = education === 'ASSOCIATE';
  const titleRelaxed = titleLevel === 'JUNIOR';
  if (educationRelaxed && titleRelaxed) {
    if (random.chance(0.5)) education = 'BACHELOR';
    else titleLevel = 'INTERMEDIATE';
  }
  if (!mayRelax) {
    if (education === 'ASSOCIATE') education = 'BACHELOR';
    if (titleLevel === 'JUNIOR') titleLevel = 'INTERMEDIATE';
  }
  return { education, titleLevel };
}

function schoolFor(random: Random, sector: SectorProfile, education: Education): string {
  if (education === 'ASSOCIATE' || education === 'SECONDARY') return random.pick(sector.schools.associate);
  if (education === 'BACHELOR') return random.pick(sector.schools.bachelor);
  return random.pick(sector.schools.graduate);
}

function foreignLanguage(random: Random, education: Education): { language: string | null; level: string | null } {
  const roll = random.float();
  if (roll < 0.08) return { language: '俄语', level: random.pick(['大学俄语四级', '俄语专业四级']) };
  if (roll < 0.85) {
    const levels = education === 'ASSOCIATE' ? ['高等学校英语应用能力考试A级', '高等学校英语应用能力考试B级'] : ['大学英语四级', '大学英语六级', '全国专业技术人员职称英语B级'];
    return { language: '英语', level: random.pick(levels) };
  }
  return { language: null, level: null };
}

/** How an award names the area that gave it: "喀什地区优秀教师", "兵团…", "自治区…". */
function areaLabel(unit: SeedUnit): string {
  if (unit.areaCode === 'XPCC') return '兵团';
  if (unit.areaCode.startsWith('DEPT-')) return '自治区';
  return unit.areaName;
}

const titleOrder = ['JUNIOR', 'INTERMEDIATE', 'SUB_SENIOR', 'SENIOR'] as const;

function workHistory(
  random: Random,
  unit: SeedUnit,
  discipline: Discipline,
  department: string,
  post: string | null,
  titleLevel: TitleLevel,
  graduated: number,
  roundYear: number,
): FilledForms['workHistory'] {
  const count = random.int(1, 4);
  // Start years of each period, strictly increasing, the first one the year of graduation.
  const starts = [graduated];
  for (let i = 1; i < count; i++) {
    const room = roundYear - 1 - starts[i - 1]!;
    if (room < 2) break;
    starts.push(starts[i - 1]! + random.int(1, Math.min(6, room - 1)));
  }
  const reached = Math.max(0, titleOrder.indexOf(titleLevel as (typeof titleOrder)[number]));
  // Graduates start in July; later moves happen in any month.
  const startMonths = starts.map((year, position) => (position === 0 ? `${year}-07-01` : `${year}-${String(random.int(1, 12)).padStart(2, '0')}-01`));
  return starts.map((_, position) => {
    const last = position === starts.length - 1;
    // Earlier periods were held under the titles below the present one.
    const title = discipline.titles[titleOrder[Math.max(0, reached - (starts.length - 1 - position))]!];
    const work = random.pick([
      `在${unit.spec.name}${department}从事${discipline.currentSpecialty}工作`,
      `在${unit.spec.name}从事${discipline.currentSpecialty}一线技术工作`,
      `在${unit.spec.name}${department}承担${discipline.currentSpecialty}业务及带教工作`,
    ]);
    return {
      position,
      startMonth: calendarDate(startMonths[position]!),
      // A period ends in the month the next one starts; the present one is open (至今).
      endMonth: last ? null : calendarDate(startMonths[position + 1]!),
      work,
      postOrTitle: last && post ? `${post}、${title}` : title,
    };
  });
}

function awards(random: Random, sector: SectorProfile, unit: SeedUnit, graduated: number, roundYear: number): FilledForms['awards'] {
  const count = random.weighted([[0, 25], [1, 35], [2, 27], [3, 13]] as const);
  const chosen = random.sample(sector.awards, Math.min(count, sector.awards.length));
  return chosen
    .map(([name, level]) => {
      const year = random.int(Math.min(graduated + 2, roundYear - 1), roundYear - 1);
      return {
        awardedOn: calendarDate(`${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`),
        name: name.replace(/^地区/, areaLabel(unit)),
        level,
      };
    })
    .sort((a, b) => a.awardedOn.getTime() - b.awardedOn.getTime())
    .map((award, position) => ({ position, ...award }));
}

function publications(random: Random, sector: SectorProfile, roundYear: number): FilledForms['publications'] {
  const count = random.weighted([[0, 30], [1, 35], [2, 25], [3, 10]] as const);
  return random
    .sample(sector.publicationTitles, Math.min(count, sector.publicationTitles.length))
    .map((title) => {
      // 近5年: the five calendar years before the round.
      const year = random.int(roundYear - 5, roundYear - 1);
      const journal = random.pick(sector.journals);
      return {
        publishedOn: calendarDate(`${year}-${String(random.int(1, 12)).padStart(2, '0')}-01`),
        titleAndContent: `《${title}》（论文，${random.weighted([['第一作者', 6], ['通讯作者', 1], ['第二作者', 3]] as const)}）`,
        publisher: `${journal}，${year}年第${random.int(1, 12)}期`,
      };
    })
    .sort((a, b) => a.publishedOn.getTime() - b.publishedOn.getTime())
    .map((publication, position) => ({ position, ...publication }));
}

const registry = new Map(seedHosts().map((host) => [host.name, host]));

function hostPreferences(random: Random, sector: SectorProfile, unit: SeedUnit, mode: TrainingMode): FilledForms['hostPreferences'] {
  // Nobody trains at home: the unit itself is never one of its applicants' hosts.
  const hosts = (mode === 'REMOTE' ? sector.remoteHosts : sector.localHosts).filter((host) => host !== unit.spec.name);
  const count = Math.min(random.weighted([[1, 20], [2, 35], [3, 45]] as const), hosts.length);
  return random.sample(hosts, count).map((institution, index) => {
    const agreed = index === 0 && random.chance(0.12);
    const mentor = agreed || random.chance(0.35) ? personName(random, 'HAN', random.chance(0.6) ? 'MALE' : 'FEMALE') : null;
    const listed = registry.get(institution)!;
    return {
      rank: index + 1,
      institution,
      // Every host the sectors name is in the registry (host-institutions.ts); the mentor is one it lists.
      hostInstitutionId: listed.id,
      mentor: mentor && listedMentor(listed, mentor),
      hostAgreed: agreed,
      contactName: agreed ? personName(random, 'HAN', random.chance(0.5) ? 'MALE' : 'FEMALE') : null,
      contactDepartment: agreed ? random.pick(['继续教育处', '人事处', '科研处', '研究生院', '医务部', '教务处']) : null,
      contactPost: agreed ? random.pick(['科长', '副处长', '主任', '干事']) : null,
      contactPhone: agreed ? `${hostPhoneAreaCode(institution)}-${random.int(5, 8)}${random.digits(7)}` : null,
    };
  });
}

function studyGoals(random: Random, host: string, intended: string, unit: SeedUnit): string {
  return random.pick([
    `通过在${host}为期一年的进修学习，系统掌握${intended}的新理论、新技术和规范化操作，参与导师团队的临床或科研实践；返岗后在${unit.spec.name}推广应用所学技术，独立开展相关工作，并带教本单位青年骨干。`,
    `学习目标：掌握${intended}领域的前沿知识和关键技能，提高解决实际问题的能力。学习计划：前三个月跟班学习、熟悉规范，中期参与重点项目，后期独立完成一项专题实践并形成总结报告。`,
    `希望借助${host}的平台，弥补本人在${intended}方面的不足；计划每月完成学习小结，结业前完成一篇专业论文，返岗后将所学用于本地实际工作。`,
  ]);
}

export function fillForms(
  random: Random,
  round: SeedRound,
  unit: SeedUnit,
  mode: TrainingMode,
  person: Person,
  choices: FormChoices = {},
): FilledForms {
  const sector = sectors[unit.spec.sector];
  const discipline = chooseDiscipline(random, sector, choices.trainingSpecialty);
  const age = round.year - Number(person.birthDate.slice(0, 4));
  const mayRelax = unit.isSouthernXinjiang || round.shortageSpecialties.includes(discipline.trainingSpecialty);
  const drawn = chooseQualifications(random, age, mayRelax);
  const education = choices.education ?? drawn.education;
  const titleLevel = choices.titleLevel ?? drawn.titleLevel;
  const graduated = Number(person.birthDate.slice(0, 4)) + yearsToGraduate[education] + random.int(0, 1);
  const department = random.pick(discipline.departments);
  const senior = titleLevel === 'SUB_SENIOR' || titleLevel === 'SENIOR';
  const post = random.chance(senior ? 0.45 : 0.12) ? random.pick(sector.posts) : null;
  const language = foreignLanguage(random, education);
  const intended = random.pick(discipline.intended);
  const preferences = hostPreferences(random, sector, unit, mode);
  const agreed = preferences.some((preference) => preference.hostAgreed);
  const emergencyGender = random.chance(0.5) ? 'MALE' : 'FEMALE';
  return {
    form: {
      name: person.name,
      gender: person.gender,
      ethnicity: person.ethnicity,
      birthDate: calendarDate(person.birthDate),
      idNumber: person.idNumber,
      politicalStatus: random.weighted(politicalStatuses),
      chineseProficiency: person.ethnicity === 'HAN' ? 'GOOD' : random.weighted(proficiencies),
      graduateSchool: schoolFor(random, sector, education),
      foreignLanguage: language.language,
      foreignLanguageLevel: language.level,
      education,
      majorStudied: discipline.major,
      currentSpecialty: discipline.currentSpecialty,
      trainingSpecialty: discipline.trainingSpecialty,
      department,
      unitAddress: unit.address,
      postcode: unit.postcode,
      administrativePost: post,
      titleName: titleLevel === 'NONE' ? null : discipline.titles[titleLevel],
      titleLevel,
      phone: mobilePhone(random),
      email: random.chance(0.9) ? emailAddress(random) : null,
      unitContactName: unit.contactName,
      unitContactPhone: unit.contactPhone,
      emergencyContactName: personName(random, person.ethnicity, emergencyGender),
      emergencyContactPhone: mobilePhone(random),
      hasDisqualifyingIllness: false,
      earlierTrainee: choices.earlierTraining !== undefined,
      earlierTrainingYear: choices.earlierTraining?.year ?? null,
      earlierTrainingPlace: choices.earlierTraining?.place ?? null,
      studyGoals: studyGoals(random, preferences[0]?.institution ?? '培养单位', intended, unit),
      unitTrainingNeeds: random.pick(sector.trainingNeeds).replaceAll('{specialty}', intended),
      intendedSpecialty: intended,
      preferenceRemarks: agreed ? '已与拟选培养单位联系，对方同意接收。' : random.chance(0.3) ? '服从统一调剂安排。' : null,
    },
    workHistory: workHistory(random, unit, discipline, department, post, titleLevel, graduated, round.year),
    awards: awards(random, sector, unit, graduated, round.year),
    publications: publications(random, sector, round.year),
    hostPreferences: preferences,
  };
}
