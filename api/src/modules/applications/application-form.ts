// What an applicant fills in: form 2 (学员申报表) and form 3 (申报培养单位志愿表) of the notice.
// Validation normalises the form and reports every problem at once, each at its field path,
// so the applicant sees all mistakes in one round trip.
import type { Application, ApplicationStatus, Award, HostPreference, Publication, WorkHistoryEntry } from '@tepei/db/client';
import {
  ChineseProficiency,
  Education,
  Ethnicity,
  Gender,
  PoliticalStatus,
  TitleLevel,
  TrainingMode,
  UnitNature,
} from '@tepei/db/enums';
import { normalizeResidentId, parseResidentId, residentIdProblemMessage } from '@tepei/db/reference/resident-id';
import { FieldProblems } from '../../errors/domain-errors.ts';

// ───────────────────────────── the form ─────────────────────────────

/** 主要工作经历: one period. Months are 'YYYY-MM'; no end month means "to date". */
export interface WorkHistoryItem {
  startMonth: string;
  endMonth?: string | null;
  work: string;
  postOrTitle?: string | null;
}

/** 主要工作业绩及获奖情况. */
export interface AwardItem {
  /** YYYY-MM-DD */
  awardedOn: string;
  name: string;
  level: string;
}

/** 近5年发表的论文、专著. */
export interface PublicationItem {
  /** YYYY-MM-DD */
  publishedOn: string;
  titleAndContent: string;
  publisher: string;
}

/** 拟选培养单位: the list order is the preference order (rank = position + 1). */
export interface HostPreferenceItem {
  institution: string;
  mentor?: string | null;
  /** 已征得拟选培养单位同意接收: the host's contact person is then required. */
  hostAgreed: boolean;
  contactName?: string | null;
  contactDepartment?: string | null;
  contactPost?: string | null;
  contactPhone?: string | null;
}

/** Every applicant-editable field of an application (forms 2 and 3). */
export interface ApplicationForm {
  name: string;
  gender: Gender;
  ethnicity: Ethnicity;
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
  politicalStatus: PoliticalStatus;
  chineseProficiency: ChineseProficiency;
  graduateSchool: string;
  foreignLanguage?: string | null;
  foreignLanguageLevel?: string | null;
  education: Education;
  majorStudied: string;
  currentSpecialty: string;
  /** 培养专业: compared with the round's shortage specialties. */
  trainingSpecialty: string;
  department: string;
  unitAddress: string;
  postcode?: string | null;
  administrativePost?: string | null;
  titleName?: string | null;
  titleLevel: TitleLevel;
  phone: string;
  email?: string | null;
  unitContactName: string;
  unitContactPhone: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  hasDisqualifyingIllness: boolean;
  earlierTrainee: boolean;
  earlierTrainingYear?: number | null;
  earlierTrainingPlace?: string | null;
  studyGoals: string;
  mode: TrainingMode;
  intendedSpecialty: string;
  preferenceRemarks?: string | null;
  workHistory: WorkHistoryItem[];
  awards: AwardItem[];
  publications: PublicationItem[];
  hostPreferences: HostPreferenceItem[];
}

/**
 * A form as the applicant sends it: any field may still be missing, in a list item too. A draft
 * is saved with what is there; submission needs the whole ApplicationForm (DOMAIN.md "The flow").
 */
export type ApplicationFormDraft = {
  [K in keyof ApplicationForm]?: ApplicationForm[K] extends Array<infer Item> ? Array<{ [F in keyof Item]?: Item[F] | null }> | null : ApplicationForm[K] | null;
};

/**
 * The fields whose columns only a draft leaves empty (NULL): the choices, the birth date and the
 * two declarations (健康状况, 是否参加过特培学习: an unanswered one is no 否), and in the lists the
 * dates of each row. Submission requires them, so every later status has them.
 */
export const draftOnlyEmptyFields = [
  'gender',
  'ethnicity',
  'birthDate',
  'politicalStatus',
  'chineseProficiency',
  'education',
  'titleLevel',
  'mode',
  'hasDisqualifyingIllness',
  'earlierTrainee',
] as const;
type DraftOnlyEmptyField = (typeof draftOnlyEmptyFields)[number];
type WithEmpty<T, K extends keyof T> = Omit<T, K> & { [F in K]: T[F] | null };

/** A form as saved: a draft's choices, birth date and list dates may be empty. */
export type SavedApplicationForm = WithEmpty<Omit<ApplicationForm, 'workHistory' | 'awards' | 'publications'>, DraftOnlyEmptyField> & {
  workHistory: WithEmpty<WorkHistoryItem, 'startMonth'>[];
  awards: WithEmpty<AwardItem, 'awardedOn'>[];
  publications: WithEmpty<PublicationItem, 'publishedOn'>[];
  hostPreferences: HostPreferenceItem[];
};

/**
 * How complete the form must be. Only what is present is checked (formats, the ID number's
 * checksum, agreement with it) in a `draft`, which needs nothing but the ID number (the row's key
 * in its round); an empty list item is dropped, a partly filled one kept. A `correction` (an
 * application returned for correction, being saved) may leave text empty too, but keeps what
 * every submitted application has: the choices (性别, 民族, 政治面貌, 汉语水平, 学历, 职称层级,
 * 培养方式), the birth date and the dates of list items. `submission`: every field the forms ask for.
 */
export type FormCompleteness = 'draft' | 'correction' | 'submission';

/** How complete a save of an application in this status must be (the API's and the console's rule). */
export function saveCompleteness(status: ApplicationStatus): FormCompleteness {
  return status === 'DRAFT' ? 'draft' : 'correction';
}

// ───────────────────────────── Chinese labels (the forms' wording) ─────────────────────────────

export const genderLabels: Record<Gender, string> = { MALE: '男', FEMALE: '女' };

export const politicalStatusLabels: Record<PoliticalStatus, string> = {
  CPC_MEMBER: '中共党员',
  CPC_PROBATIONARY: '中共预备党员',
  CYL_MEMBER: '共青团员',
  DEMOCRATIC_PARTY: '民主党派',
  NON_PARTISAN: '无党派人士',
  MASSES: '群众',
};

export const chineseProficiencyLabels: Record<ChineseProficiency, string> = {
  GOOD: '好',
  FAIRLY_GOOD: '较好',
  AVERAGE: '一般',
};

export const educationLabels: Record<Education, string> = {
  SECONDARY: '中专及以下',
  ASSOCIATE: '大专',
  BACHELOR: '本科',
  MASTER: '硕士研究生',
  DOCTORATE: '博士研究生',
};

export const titleLevelLabels: Record<TitleLevel, string> = {
  NONE: '无',
  JUNIOR: '初级',
  INTERMEDIATE: '中级',
  SUB_SENIOR: '副高级',
  SENIOR: '正高级',
};

export const trainingModeLabels: Record<TrainingMode, string> = {
  REMOTE: '异地培养',
  LOCAL: '当地培养',
};

/** 单位性质 on form 2; stored on the unit, not on the application. */
export const unitNatureLabels: Record<UnitNature, string> = {
  GOVERNMENT_AGENCY: '机关',
  PUBLIC_INSTITUTION: '事业单位',
  STATE_OWNED_ENTERPRISE: '国有企业',
  PRIVATE_ENTERPRISE: '非公有制企业',
  OTHER: '其他',
};

// ───────────────────────────── limits ─────────────────────────────

export const formLimits = {
  personName: { min: 2, max: 30 },
  text: 200,
  longText: 1000,
  email: 100,
  studyGoals: { min: 20, max: 4000 },
  hostPreferences: { min: 1, max: 3 },
  workHistory: 20,
  awards: 20,
  publications: 30,
  /** The programme's earliest rounds; an earlier year is a typing mistake. */
  earliestTrainingYear: 2000,
} as const;

const mobilePattern = /^1[3-9]\d{9}$/;
const landlinePattern = /^0\d{2,3}-?\d{7,8}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const postcodePattern = /^\d{6}$/;


// ───────────────────────────── validation ─────────────────────────────

export interface ValidateApplicationFormOptions {
  /** Where the form sits in the input; problems are reported under it. Default ['form']. */
  path?: string[];
  /** Today's Beijing calendar date, YYYY-MM-DD (see clock.ts `beijingDate`): no date may lie after it. */
  today: string;
  /** Default `submission`. */
  completeness?: FormCompleteness;
}

/**
 * The form, normalised (strings trimmed, empty optional fields null, a trailing x of the ID
 * number upper-cased), or a ValidationFailedError listing every problem with its field path.
 * Only a draft may come back with empty choices and dates.
 */
export function validateApplicationForm(
  form: ApplicationFormDraft,
  options: ValidateApplicationFormOptions & { completeness?: 'correction' | 'submission' },
): ApplicationForm;
export function validateApplicationForm(form: ApplicationFormDraft, options: ValidateApplicationFormOptions): SavedApplicationForm;
export function validateApplicationForm(form: ApplicationFormDraft, options: ValidateApplicationFormOptions): SavedApplicationForm {
  const { today } = options;
  if (!isCalendarDate(today)) throw new Error(`validateApplicationForm: today must be YYYY-MM-DD, got ${today}`);
  const check = new FormCheck(new FieldProblems(), options.path ?? ['form'], today, options.completeness ?? 'submission');
  const p = check.problems;
  const at = check.at;

  const idNumber = normalizeResidentId(form.idNumber ?? '');
  const parsed = idNumber ? parseResidentId(idNumber) : null;
  const stated = parsed?.ok ? parsed.facts : null;
  if (!parsed) p.add(at('idNumber'), '请填写身份证号');
  else if (!parsed.ok) p.add(at('idNumber'), residentIdProblemMessage(parsed.problem, idNumber));

  const name = check.text(form.name, ['name'], '姓名', formLimits.personName);
  // A save takes birth date and gender from the ID number when they are not given (GB 11643).
  const gender = check.partial && !form.gender && stated ? stated.gender : check.choice(form.gender, Gender, ['gender'], '性别');
  const ethnicity = check.choice(form.ethnicity, Ethnicity, ['ethnicity'], '民族');
  const birthDate = check.partial && blank(form.birthDate) && stated ? stated.birthDate : check.pastDate(form.birthDate, ['birthDate'], '出生日期');
  if (stated && birthDate && birthDate !== stated.birthDate) p.add(at('birthDate'), '出生日期与身份证号不一致');
  if (stated && gender && gender !== stated.gender) p.add(at('gender'), '性别与身份证号不一致');

  const normalised: SavedApplicationForm = {
    name,
    gender,
    ethnicity,
    birthDate,
    idNumber,
    politicalStatus: check.choice(form.politicalStatus, PoliticalStatus, ['politicalStatus'], '政治面貌'),
    chineseProficiency: check.choice(form.chineseProficiency, ChineseProficiency, ['chineseProficiency'], '汉语水平'),
    graduateSchool: check.text(form.graduateSchool, ['graduateSchool'], '毕业院校'),
    foreignLanguage: check.optionalText(form.foreignLanguage, ['foreignLanguage'], '外语种类'),
    foreignLanguageLevel: check.optionalText(form.foreignLanguageLevel, ['foreignLanguageLevel'], '外语等级'),
    education: check.choice(form.education, Education, ['education'], '最高学历'),
    majorStudied: check.text(form.majorStudied, ['majorStudied'], '所学专业'),
    currentSpecialty: check.text(form.currentSpecialty, ['currentSpecialty'], '现从事专业'),
    trainingSpecialty: check.text(form.trainingSpecialty, ['trainingSpecialty'], '培养专业'),
    department: check.text(form.department, ['department'], '工作部门'),
    unitAddress: check.text(form.unitAddress, ['unitAddress'], '单位地址'),
    postcode: check.optionalPattern(form.postcode, ['postcode'], postcodePattern, '邮政编码应为6位数字'),
    administrativePost: check.optionalText(form.administrativePost, ['administrativePost'], '行政职务'),
    titleName: check.optionalText(form.titleName, ['titleName'], '专业技术职称名称'),
    titleLevel: check.choice(form.titleLevel, TitleLevel, ['titleLevel'], '专业技术职称层级'),
    phone: check.mobilePhone(form.phone, ['phone'], '本人联系电话'),
    email: check.email(form.email, ['email']),
    unitContactName: check.text(form.unitContactName, ['unitContactName'], '单位联系人', formLimits.personName),
    unitContactPhone: check.anyPhone(form.unitContactPhone, ['unitContactPhone'], '单位联系人电话'),
    emergencyContactName: check.text(form.emergencyContactName, ['emergencyContactName'], '紧急情况联系人', formLimits.personName),
    emergencyContactPhone: check.mobilePhone(form.emergencyContactPhone, ['emergencyContactPhone'], '紧急情况联系人电话'),
    hasDisqualifyingIllness: check.declaration(form.hasDisqualifyingIllness, ['hasDisqualifyingIllness'], '健康状况'),
    ...validateEarlierTraining(check, form),
    studyGoals: check.text(form.studyGoals, ['studyGoals'], '个人学习目标及计划', formLimits.studyGoals),
    mode: check.choice(form.mode, TrainingMode, ['mode'], '培养方式'),
    intendedSpecialty: check.text(form.intendedSpecialty, ['intendedSpecialty'], '拟选专业'),
    preferenceRemarks: check.optionalText(form.preferenceRemarks, ['preferenceRemarks'], '备注', formLimits.longText),
    workHistory: check.list(form.workHistory, 'workHistory', formLimits.workHistory, '主要工作经历', (item, i) => validateWorkHistory(check, item, i)),
    awards: check.list(form.awards, 'awards', formLimits.awards, '获奖情况', (item, i) => ({
      awardedOn: check.pastDate(item.awardedOn, ['awards', i, 'awardedOn'], '获奖日期'),
      name: check.text(item.name, ['awards', i, 'name'], '获奖成果名称'),
      level: check.text(item.level, ['awards', i, 'level'], '获奖等级'),
    })),
    publications: check.list(form.publications, 'publications', formLimits.publications, '论文、专著', (item, i) => ({
      publishedOn: check.pastDate(item.publishedOn, ['publications', i, 'publishedOn'], '发表日期'),
      titleAndContent: check.text(item.titleAndContent, ['publications', i, 'titleAndContent'], '论文或专著名称及内容', {
        max: formLimits.longText,
      }),
      publisher: check.text(item.publisher, ['publications', i, 'publisher'], '出版社或登载刊物'),
    })),
    hostPreferences: validateHostPreferences(check, form.hostPreferences),
  };

  p.throwIfAny();
  return normalised;
}

/** 是否参加过特培学习, when and where: asked only of earlier trainees, cleared for the others. */
function validateEarlierTraining(
  check: FormCheck,
  form: ApplicationFormDraft,
): Pick<SavedApplicationForm, 'earlierTrainee' | 'earlierTrainingYear' | 'earlierTrainingPlace'> {
  const earlierTrainee = check.declaration(form.earlierTrainee, ['earlierTrainee'], '是否参加过特培学习');
  if (!earlierTrainee) return { earlierTrainee, earlierTrainingYear: null, earlierTrainingPlace: null };
  const currentYear = Number(check.today.slice(0, 4));
  const year = form.earlierTrainingYear;
  let earlierTrainingYear: number | null = null;
  if (year === null || year === undefined) {
    if (!check.partial) check.problems.add(check.at('earlierTrainingYear'), '参加过特培学习的，请填写参加年份');
  } else if (!Number.isInteger(year) || year < formLimits.earliestTrainingYear || year > currentYear) {
    check.problems.add(check.at('earlierTrainingYear'), `参加特培的年份应在${formLimits.earliestTrainingYear}年至${currentYear}年之间`);
  } else {
    earlierTrainingYear = year;
  }
  const earlierTrainingPlace = check.text(form.earlierTrainingPlace, ['earlierTrainingPlace'], '参加特培的单位');
  return { earlierTrainee, earlierTrainingYear, earlierTrainingPlace };
}

type DraftItem<Item> = { [F in keyof Item]?: Item[F] | null };

function validateWorkHistory(check: FormCheck, item: DraftItem<WorkHistoryItem>, i: number): SavedApplicationForm['workHistory'][number] {
  const startMonth = check.pastMonth(item.startMonth, ['workHistory', i, 'startMonth'], '开始年月');
  // No end month means "to date", in a draft as on submission.
  const endMonth = blank(item.endMonth) ? null : check.pastMonth(item.endMonth, ['workHistory', i, 'endMonth'], '结束年月');
  if (startMonth && endMonth && endMonth < startMonth) {
    check.problems.add(check.at('workHistory', i, 'endMonth'), '结束年月不能早于开始年月');
  }
  return {
    startMonth,
    endMonth,
    work: check.text(item.work, ['workHistory', i, 'work'], '工作经历'),
    postOrTitle: check.optionalText(item.postOrTitle, ['workHistory', i, 'postOrTitle'], '职务或职称'),
  };
}

function validateHostPreferences(check: FormCheck, preferences: DraftItem<HostPreferenceItem>[] | null | undefined): HostPreferenceItem[] {
  const list = check.keptItems(preferences);
  const { min, max } = formLimits.hostPreferences;
  if (list.length < min && !check.partial) check.problems.add(check.at('hostPreferences'), `请至少填报${min}个培养单位志愿`);
  if (list.length > max) check.problems.add(check.at('hostPreferences'), `最多填报${max}个培养单位志愿`);
  const firstRankOf = new Map<string, number>();
  return list.map(([item, i]) => {
    const institution = check.text(item.institution, ['hostPreferences', i, 'institution'], '拟选培养单位');
    const earlier = firstRankOf.get(institution);
    if (institution && earlier !== undefined) {
      check.problems.add(check.at('hostPreferences', i, 'institution'), `与第${earlier}志愿的培养单位重复`);
    } else if (institution) {
      firstRankOf.set(institution, i + 1);
    }
    const hostAgreed = check.flag(item.hostAgreed, ['hostPreferences', i, 'hostAgreed'], '是否已征得培养单位同意接收');
    const mentor = check.optionalText(item.mentor, ['hostPreferences', i, 'mentor'], '拟选导师', formLimits.personName.max);
    // The host's contact only means something once the host has agreed (form 3, note 2).
    if (!hostAgreed) {
      return { institution, mentor, hostAgreed, contactName: null, contactDepartment: null, contactPost: null, contactPhone: null };
    }
    return {
      institution,
      mentor,
      hostAgreed,
      contactName: check.text(item.contactName, ['hostPreferences', i, 'contactName'], '接收人姓名', formLimits.personName),
      contactDepartment: check.text(item.contactDepartment, ['hostPreferences', i, 'contactDepartment'], '接收人所在部门'),
      contactPost: check.text(item.contactPost, ['hostPreferences', i, 'contactPost'], '接收人职务'),
      contactPhone: check.anyPhone(item.contactPhone, ['hostPreferences', i, 'contactPhone'], '接收人联系电话'),
    };
  });
}

type Segment = string | number;

/** Field checks that record a problem at the field's path and return the normalised value. */
class FormCheck {
  /** Saved, not submitted: an empty field is no problem (but see `draft`). */
  readonly partial: boolean;
  /** Only a draft may leave a choice or a date empty: every later status has them. */
  readonly draft: boolean;

  constructor(
    readonly problems: FieldProblems,
    private readonly base: string[],
    readonly today: string,
    completeness: FormCompleteness,
  ) {
    this.partial = completeness !== 'submission';
    this.draft = completeness === 'draft';
  }

  at = (...segments: Segment[]): string[] => [...this.base, ...segments.map(String)];

  text(value: string | null | undefined, path: Segment[], label: string, limits: { min?: number; max?: number } = {}): string {
    const text = (value ?? '').trim();
    const { min = 1, max = formLimits.text } = limits;
    const length = [...text].length;
    if (!length) {
      if (!this.partial) this.problems.add(this.at(...path), `请填写${label}`);
    } else if (length > max || (length < min && !this.partial)) {
      this.problems.add(this.at(...path), min > 1 ? `${label}应为${min}至${max}个字` : `${label}不能超过${max}个字`);
    }
    return text;
  }

  optionalText(value: string | null | undefined, path: Segment[], label: string, max: number = formLimits.text): string | null {
    const text = (value ?? '').trim();
    if ([...text].length > max) this.problems.add(this.at(...path), `${label}不能超过${max}个字`);
    return text || null;
  }

  optionalPattern(value: string | null | undefined, path: Segment[], pattern: RegExp, message: string): string | null {
    const text = (value ?? '').trim();
    if (text && !pattern.test(text)) this.problems.add(this.at(...path), message);
    return text || null;
  }

  mobilePhone(value: string | null | undefined, path: Segment[], label: string): string {
    const phone = (value ?? '').trim();
    if (!phone) this.missing(path, label);
    else if (!mobilePattern.test(phone)) this.problems.add(this.at(...path), `${label}应为11位手机号码`);
    return phone;
  }

  /** Units and hosts may give a landline, e.g. 0991-3689693. */
  anyPhone(value: string | null | undefined, path: Segment[], label: string): string {
    const phone = (value ?? '').trim();
    if (!phone) this.missing(path, label);
    else if (!mobilePattern.test(phone) && !landlinePattern.test(phone)) {
      this.problems.add(this.at(...path), `${label}应为11位手机号码或固定电话（如0991-3689693）`);
    }
    return phone;
  }

  email(value: string | null | undefined, path: Segment[]): string | null {
    const email = (value ?? '').trim();
    if (email && (email.length > formLimits.email || !emailPattern.test(email))) {
      this.problems.add(this.at(...path), '电子邮箱格式不正确');
    }
    return email || null;
  }

  /** One of the vocabulary's values, or null: empty (a problem except in a draft) or not one of them. */
  choice<T extends string>(value: T | null | undefined, vocabulary: Record<string, T>, path: Segment[], label: string): T | null {
    if (value && Object.values(vocabulary).includes(value)) return value;
    if (value || !this.draft) this.problems.add(this.at(...path), `请选择${label}`);
    return null;
  }

  /** An empty field: a problem on submission, none in a saved form. */
  private missing(path: Segment[], label: string): void {
    if (!this.partial) this.problems.add(this.at(...path), `请填写${label}`);
  }

  /** A yes/no the applicant declares, or null: unanswered (a problem except in a draft). */
  declaration(value: boolean | null | undefined, path: Segment[], label: string): boolean | null {
    if (typeof value === 'boolean') return value;
    if (!this.draft) this.problems.add(this.at(...path), `请选择${label}`);
    return null;
  }

  /** A yes/no where no answer means no (a host not asked yet has not agreed). */
  flag(value: boolean | null | undefined, path: Segment[], label: string): boolean {
    if (typeof value !== 'boolean' && !this.partial) this.problems.add(this.at(...path), `请选择${label}`);
    return value === true;
  }

  /** A real calendar date not after today, or null: empty (a problem except in a draft) or wrong (problem recorded). */
  pastDate(value: string | null | undefined, path: Segment[], label: string): string | null {
    const date = (value ?? '').trim();
    if (!date) {
      if (!this.draft) this.problems.add(this.at(...path), `请填写${label}`);
    } else if (!isCalendarDate(date)) this.problems.add(this.at(...path), `${label}应为真实日期（YYYY-MM-DD）`);
    else if (date > this.today) this.problems.add(this.at(...path), `${label}不能晚于今天（${this.today}）`);
    else return date;
    return null;
  }

  /** A real month (YYYY-MM) not after the current one, or null, as pastDate. */
  pastMonth(value: string | null | undefined, path: Segment[], label: string): string | null {
    const month = (value ?? '').trim();
    const currentMonth = this.today.slice(0, 7);
    if (!month) {
      if (!this.draft) this.problems.add(this.at(...path), `请填写${label}`);
    } else if (!/^\d{4}-\d{2}$/.test(month) || !isCalendarDate(`${month}-01`)) this.problems.add(this.at(...path), `${label}应为真实年月（YYYY-MM）`);
    else if (month > currentMonth) this.problems.add(this.at(...path), `${label}不能晚于本月（${currentMonth}）`);
    else return month;
    return null;
  }

  list<T, Item extends object>(items: Item[] | null | undefined, field: string, max: number, label: string, each: (item: Item, index: number) => T): T[] {
    const list = this.keptItems(items);
    if (list.length > max) this.problems.add(this.at(field), `${label}最多填写${max}条`);
    return list.map(([item, index]) => each(item, index));
  }

  /**
   * The items of a list with their index in it (problems name that index); a saved form drops
   * the ones left wholly empty (a row added but not filled in).
   */
  keptItems<Item extends object>(items: Item[] | null | undefined): Array<[Item, number]> {
    const list = (items ?? []).map((item, index): [Item, number] => [item, index]);
    return this.partial ? list.filter(([item]) => Object.values(item).some(filledIn)) : list;
  }
}

function filledIn(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value === true || typeof value === 'number';
}

function blank(value: string | null | undefined): boolean {
  return !value || !value.trim();
}

/** A real date written YYYY-MM-DD (no 2025-02-29, no 1980-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// ───────────────────────────── to the database ─────────────────────────────

type FormScalarKey = Exclude<keyof ApplicationForm, 'workHistory' | 'awards' | 'publications' | 'hostPreferences'>;

/** The application's own columns that the form writes (dates as @db.Date values). */
export type ApplicationFormScalars = Pick<Application, FormScalarKey>;

type ChildRow<Model> = Omit<Model, 'id' | 'applicationId'>;
type CreateChildren<Row> = { createMany: { data: Row[] } };
type ReplaceChildren<Row> = { deleteMany: Record<string, never>; createMany: { data: Row[] } };

interface Children<Wrap extends 'create' | 'replace'> {
  workHistory: Wrap extends 'create' ? CreateChildren<ChildRow<WorkHistoryEntry>> : ReplaceChildren<ChildRow<WorkHistoryEntry>>;
  awards: Wrap extends 'create' ? CreateChildren<ChildRow<Award>> : ReplaceChildren<ChildRow<Award>>;
  publications: Wrap extends 'create' ? CreateChildren<ChildRow<Publication>> : ReplaceChildren<ChildRow<Publication>>;
  hostPreferences: Wrap extends 'create' ? CreateChildren<ChildRow<HostPreference>> : ReplaceChildren<ChildRow<HostPreference>>;
}

export interface ApplicationFormData {
  scalars: ApplicationFormScalars;
  /** For `application.create`: `{ ...scalars, ...createChildren, roundId, unitId, areaId, … }`. */
  createChildren: Children<'create'>;
  /** For `application.update`: the old rows go, these replace them, in one statement. */
  replaceChildren: Children<'replace'>;
}

/** A validated form as Prisma write data; children carry their `position` (or `rank`, from 1). */
export function applicationFormToPrismaData(form: SavedApplicationForm): ApplicationFormData {
  const scalars: ApplicationFormScalars = {
    name: form.name,
    gender: form.gender,
    ethnicity: form.ethnicity,
    birthDate: dateColumn(form.birthDate),
    idNumber: form.idNumber,
    politicalStatus: form.politicalStatus,
    chineseProficiency: form.chineseProficiency,
    graduateSchool: form.graduateSchool,
    foreignLanguage: form.foreignLanguage ?? null,
    foreignLanguageLevel: form.foreignLanguageLevel ?? null,
    education: form.education,
    majorStudied: form.majorStudied,
    currentSpecialty: form.currentSpecialty,
    trainingSpecialty: form.trainingSpecialty,
    department: form.department,
    unitAddress: form.unitAddress,
    postcode: form.postcode ?? null,
    administrativePost: form.administrativePost ?? null,
    titleName: form.titleName ?? null,
    titleLevel: form.titleLevel,
    phone: form.phone,
    email: form.email ?? null,
    unitContactName: form.unitContactName,
    unitContactPhone: form.unitContactPhone,
    emergencyContactName: form.emergencyContactName,
    emergencyContactPhone: form.emergencyContactPhone,
    hasDisqualifyingIllness: form.hasDisqualifyingIllness,
    earlierTrainee: form.earlierTrainee,
    earlierTrainingYear: form.earlierTrainingYear ?? null,
    earlierTrainingPlace: form.earlierTrainingPlace ?? null,
    studyGoals: form.studyGoals,
    mode: form.mode,
    intendedSpecialty: form.intendedSpecialty,
    preferenceRemarks: form.preferenceRemarks ?? null,
  };
  const rows = {
    workHistory: form.workHistory.map((item, position) => ({
      position,
      startMonth: dateColumn(item.startMonth && `${item.startMonth}-01`),
      endMonth: dateColumn(item.endMonth && `${item.endMonth}-01`),
      work: item.work,
      postOrTitle: item.postOrTitle ?? null,
    })),
    awards: form.awards.map((item, position) => ({
      position,
      awardedOn: dateColumn(item.awardedOn),
      name: item.name,
      level: item.level,
    })),
    publications: form.publications.map((item, position) => ({
      position,
      publishedOn: dateColumn(item.publishedOn),
      titleAndContent: item.titleAndContent,
      publisher: item.publisher,
    })),
    hostPreferences: form.hostPreferences.map((item, position) => ({
      rank: position + 1,
      institution: item.institution,
      // Linked to the registry by name when saved (host-institutions/host-preferences.ts).
      hostInstitutionId: null,
      mentor: item.mentor ?? null,
      hostAgreed: item.hostAgreed,
      contactName: item.contactName ?? null,
      contactDepartment: item.contactDepartment ?? null,
      contactPost: item.contactPost ?? null,
      contactPhone: item.contactPhone ?? null,
    })),
  };
  return {
    scalars,
    createChildren: {
      workHistory: { createMany: { data: rows.workHistory } },
      awards: { createMany: { data: rows.awards } },
      publications: { createMany: { data: rows.publications } },
      hostPreferences: { createMany: { data: rows.hostPreferences } },
    },
    replaceChildren: {
      workHistory: { deleteMany: {}, createMany: { data: rows.workHistory } },
      awards: { deleteMany: {}, createMany: { data: rows.awards } },
      publications: { deleteMany: {}, createMany: { data: rows.publications } },
      hostPreferences: { deleteMany: {}, createMany: { data: rows.hostPreferences } },
    },
  };
}

/** A calendar date as the value of a @db.Date column: midnight UTC, so no zone shifts the day. */
function dateColumn(date: string): Date;
function dateColumn(date: string | null | undefined): Date | null;
function dateColumn(date: string | null | undefined): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null;
}

// ───────────────────────────── from the database ─────────────────────────────

export type StoredApplicationForm = Application & {
  workHistory: WorkHistoryEntry[];
  awards: Award[];
  publications: Publication[];
  hostPreferences: HostPreference[];
};

/** The children a stored form is read with (`include`). */
export const storedFormChildren = {
  workHistory: { orderBy: { position: 'asc' } },
  awards: { orderBy: { position: 'asc' } },
  publications: { orderBy: { position: 'asc' } },
  hostPreferences: { orderBy: { rank: 'asc' } },
} as const;

/** The saved application as the form it was saved from: what submission checks for completeness. */
export function storedApplicationForm(stored: StoredApplicationForm): SavedApplicationForm {
  const date = (value: Date | null) => value && value.toISOString().slice(0, 10);
  return {
    name: stored.name,
    gender: stored.gender,
    ethnicity: stored.ethnicity,
    birthDate: date(stored.birthDate),
    idNumber: stored.idNumber,
    politicalStatus: stored.politicalStatus,
    chineseProficiency: stored.chineseProficiency,
    graduateSchool: stored.graduateSchool,
    foreignLanguage: stored.foreignLanguage,
    foreignLanguageLevel: stored.foreignLanguageLevel,
    education: stored.education,
    majorStudied: stored.majorStudied,
    currentSpecialty: stored.currentSpecialty,
    trainingSpecialty: stored.trainingSpecialty,
    department: stored.department,
    unitAddress: stored.unitAddress,
    postcode: stored.postcode,
    administrativePost: stored.administrativePost,
    titleName: stored.titleName,
    titleLevel: stored.titleLevel,
    phone: stored.phone,
    email: stored.email,
    unitContactName: stored.unitContactName,
    unitContactPhone: stored.unitContactPhone,
    emergencyContactName: stored.emergencyContactName,
    emergencyContactPhone: stored.emergencyContactPhone,
    hasDisqualifyingIllness: stored.hasDisqualifyingIllness,
    earlierTrainee: stored.earlierTrainee,
    earlierTrainingYear: stored.earlierTrainingYear,
    earlierTrainingPlace: stored.earlierTrainingPlace,
    studyGoals: stored.studyGoals,
    mode: stored.mode,
    intendedSpecialty: stored.intendedSpecialty,
    preferenceRemarks: stored.preferenceRemarks,
    workHistory: stored.workHistory.map((row) => ({
      startMonth: date(row.startMonth)?.slice(0, 7) ?? null,
      endMonth: date(row.endMonth)?.slice(0, 7) ?? null,
      work: row.work,
      postOrTitle: row.postOrTitle,
    })),
    awards: stored.awards.map((row) => ({ awardedOn: date(row.awardedOn), name: row.name, level: row.level })),
    publications: stored.publications.map((row) => ({ publishedOn: date(row.publishedOn), titleAndContent: row.titleAndContent, publisher: row.publisher })),
    hostPreferences: stored.hostPreferences.map((row) => ({
      institution: row.institution,
      mentor: row.mentor,
      hostAgreed: row.hostAgreed,
      contactName: row.contactName,
      contactDepartment: row.contactDepartment,
      contactPost: row.contactPost,
      contactPhone: row.contactPhone,
    })),
  };
}

/** An application (or some of its columns) past its draft, with the columns only a draft leaves empty typed as filled in. */
export type PastDraft<T> = T & { [K in DraftOnlyEmptyField & keyof T]: NonNullable<T[K]> };

/**
 * The application as read by whatever handles only applications past their draft (forms 4 and
 * 5, quotas, placement): submission required its choices and birth date, so an empty one there
 * is a broken invariant, not a user's mistake.
 */
export function pastDraft<T extends object>(application: T): PastDraft<T> {
  for (const field of draftOnlyEmptyFields) {
    if (field in application && (application as Record<string, unknown>)[field] === null) {
      throw new Error(`application ${(application as { id?: string }).id ?? ''} past its draft has no ${field}`);
    }
  }
  return application as PastDraft<T>;
}
