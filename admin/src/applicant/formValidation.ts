// The API's checks of forms 2 and 3 (api/src/modules/applications/application-form.ts), run in
// the browser so that the applicant sees each mistake at its field before saving, in the API's
// own words. The API checks again and stays the judge; test/e2e/applicant.test.ts runs both over
// the same forms and fails when they disagree. The ID number's rules are the API's own module.
import { parseResidentId, normalizeResidentId, type ResidentIdProblem } from '../../../prisma/src/reference/resident-id.ts';
import { enumValues } from '../dataProvider/schema.ts';
import type { ApplicationFormValues } from './applicationFormValues.ts';

export interface Problem {
  /** Path inside the form, e.g. ['hostPreferences', '0', 'contactPhone']. */
  path: string[];
  message: string;
}

const limits = {
  personName: { min: 2, max: 30 },
  text: 200,
  longText: 1000,
  email: 100,
  studyGoals: { min: 20, max: 4000 },
  hostPreferences: { min: 1, max: 3 },
  workHistory: 20,
  awards: 20,
  publications: 30,
  earliestTrainingYear: 2000,
};

const mobilePattern = /^1[3-9]\d{9}$/;
const landlinePattern = /^0\d{2,3}-?\d{7,8}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const postcodePattern = /^\d{6}$/;

const residentIdMessages: Record<ResidentIdProblem, (idNumber: string) => string> = {
  LENGTH: (id) => `身份证号应为18位（现为${[...id].length}位）`,
  CHARACTERS: () => '身份证号前17位应为数字，末位应为数字或X',
  BIRTH_DATE: (id) => `身份证号中的出生日期 ${id.slice(6, 14)} 不存在`,
  CHECKSUM: () => '身份证号校验位不正确，请核对',
};

/** Why an ID number is not a valid one (GB 11643-1999), or null. */
export function idNumberProblem(raw: string | null | undefined): string | null {
  const idNumber = normalizeResidentId(raw ?? '');
  if (!idNumber) return '请填写身份证号';
  const parsed = parseResidentId(idNumber);
  return parsed.ok ? null : residentIdMessages[parsed.problem](idNumber);
}

/** A real date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

type Segment = string | number;
type Text = string | null | undefined;

class Checks {
  readonly problems: Problem[] = [];
  constructor(readonly today: string) {}

  add(path: Segment[], message: string) {
    this.problems.push({ path: path.map(String), message });
  }

  text(value: Text, path: Segment[], label: string, { min = 1, max = limits.text }: { min?: number; max?: number } = {}): string {
    const text = (value ?? '').trim();
    const length = [...text].length;
    if (!length) this.add(path, `请填写${label}`);
    else if (length < min || length > max) this.add(path, min > 1 ? `${label}应为${min}至${max}个字` : `${label}不能超过${max}个字`);
    return text;
  }

  optionalText(value: Text, path: Segment[], label: string, max = limits.text) {
    if ([...(value ?? '').trim()].length > max) this.add(path, `${label}不能超过${max}个字`);
  }

  optionalPattern(value: Text, path: Segment[], pattern: RegExp, message: string) {
    const text = (value ?? '').trim();
    if (text && !pattern.test(text)) this.add(path, message);
  }

  mobilePhone(value: Text, path: Segment[], label: string) {
    const phone = (value ?? '').trim();
    if (!phone) this.add(path, `请填写${label}`);
    else if (!mobilePattern.test(phone)) this.add(path, `${label}应为11位手机号码`);
  }

  anyPhone(value: Text, path: Segment[], label: string) {
    const phone = (value ?? '').trim();
    if (!phone) this.add(path, `请填写${label}`);
    else if (!mobilePattern.test(phone) && !landlinePattern.test(phone)) this.add(path, `${label}应为11位手机号码或固定电话（如0991-3689693）`);
  }

  email(value: Text, path: Segment[]) {
    const email = (value ?? '').trim();
    if (email && (email.length > limits.email || !emailPattern.test(email))) this.add(path, '电子邮箱格式不正确');
  }

  choice(value: Text, enumName: string, path: Segment[], label: string): string | null {
    if (value && enumValues(enumName).includes(value)) return value;
    this.add(path, `请选择${label}`);
    return null;
  }

  flag(value: unknown, path: Segment[], label: string): boolean {
    if (typeof value !== 'boolean') this.add(path, `请选择${label}`);
    return value === true;
  }

  pastDate(value: Text, path: Segment[], label: string): string | null {
    const date = (value ?? '').trim();
    if (!date) this.add(path, `请填写${label}`);
    else if (!isCalendarDate(date)) this.add(path, `${label}应为真实日期（YYYY-MM-DD）`);
    else if (date > this.today) this.add(path, `${label}不能晚于今天（${this.today}）`);
    else return date;
    return null;
  }

  pastMonth(value: Text, path: Segment[], label: string): string | null {
    const month = (value ?? '').trim();
    const currentMonth = this.today.slice(0, 7);
    if (!month) this.add(path, `请填写${label}`);
    else if (!/^\d{4}-\d{2}$/.test(month) || !isCalendarDate(`${month}-01`)) this.add(path, `${label}应为真实年月（YYYY-MM）`);
    else if (month > currentMonth) this.add(path, `${label}不能晚于本月（${currentMonth}）`);
    else return month;
    return null;
  }

  list(items: unknown[] | null | undefined, field: string, max: number, label: string) {
    if ((items ?? []).length > max) this.add([field], `${label}最多填写${max}条`);
  }
}

const blank = (value: Text) => !value || !value.trim();

/** Every problem of the form, at its field, as the API would report it (`today`: Beijing date). */
export function applicationFormProblems(form: ApplicationFormValues, today: string): Problem[] {
  const c = new Checks(today);
  c.text(form.name, ['name'], '姓名', limits.personName);
  const gender = c.choice(form.gender, 'Gender', ['gender'], '性别');
  c.choice(form.ethnicity, 'Ethnicity', ['ethnicity'], '民族');
  const birthDate = c.pastDate(form.birthDate, ['birthDate'], '出生日期');

  const idNumber = normalizeResidentId(form.idNumber ?? '');
  if (!idNumber) c.add(['idNumber'], '请填写身份证号');
  else {
    const parsed = parseResidentId(idNumber);
    if (!parsed.ok) c.add(['idNumber'], residentIdMessages[parsed.problem](idNumber));
    else {
      if (birthDate && birthDate !== parsed.facts.birthDate) c.add(['birthDate'], '出生日期与身份证号不一致');
      if (gender && gender !== parsed.facts.gender) c.add(['gender'], '性别与身份证号不一致');
    }
  }

  c.choice(form.politicalStatus, 'PoliticalStatus', ['politicalStatus'], '政治面貌');
  c.choice(form.chineseProficiency, 'ChineseProficiency', ['chineseProficiency'], '汉语水平');
  c.text(form.graduateSchool, ['graduateSchool'], '毕业院校');
  c.optionalText(form.foreignLanguage, ['foreignLanguage'], '外语种类');
  c.optionalText(form.foreignLanguageLevel, ['foreignLanguageLevel'], '外语等级');
  c.choice(form.education, 'Education', ['education'], '最高学历');
  c.text(form.majorStudied, ['majorStudied'], '所学专业');
  c.text(form.currentSpecialty, ['currentSpecialty'], '现从事专业');
  c.text(form.trainingSpecialty, ['trainingSpecialty'], '培养专业');
  c.text(form.department, ['department'], '工作部门');
  c.text(form.unitAddress, ['unitAddress'], '单位地址');
  c.optionalPattern(form.postcode, ['postcode'], postcodePattern, '邮政编码应为6位数字');
  c.optionalText(form.administrativePost, ['administrativePost'], '行政职务');
  c.optionalText(form.titleName, ['titleName'], '专业技术职称名称');
  c.choice(form.titleLevel, 'TitleLevel', ['titleLevel'], '专业技术职称层级');
  c.mobilePhone(form.phone, ['phone'], '本人联系电话');
  c.email(form.email, ['email']);
  c.text(form.unitContactName, ['unitContactName'], '单位联系人', limits.personName);
  c.anyPhone(form.unitContactPhone, ['unitContactPhone'], '单位联系人电话');
  c.text(form.emergencyContactName, ['emergencyContactName'], '紧急情况联系人', limits.personName);
  c.mobilePhone(form.emergencyContactPhone, ['emergencyContactPhone'], '紧急情况联系人电话');
  c.flag(form.hasDisqualifyingIllness, ['hasDisqualifyingIllness'], '健康状况');

  if (c.flag(form.earlierTrainee, ['earlierTrainee'], '是否参加过特培学习')) {
    const currentYear = Number(today.slice(0, 4));
    const year = form.earlierTrainingYear;
    if (year === null || year === undefined) c.add(['earlierTrainingYear'], '参加过特培学习的，请填写参加年份');
    else if (!Number.isInteger(year) || year < limits.earliestTrainingYear || year > currentYear) {
      c.add(['earlierTrainingYear'], `参加特培的年份应在${limits.earliestTrainingYear}年至${currentYear}年之间`);
    }
    c.text(form.earlierTrainingPlace, ['earlierTrainingPlace'], '参加特培的单位');
  }

  c.text(form.studyGoals, ['studyGoals'], '个人学习目标及计划', limits.studyGoals);
  c.choice(form.mode, 'TrainingMode', ['mode'], '培养方式');
  c.text(form.intendedSpecialty, ['intendedSpecialty'], '拟选专业');
  c.optionalText(form.preferenceRemarks, ['preferenceRemarks'], '备注', limits.longText);

  c.list(form.workHistory, 'workHistory', limits.workHistory, '主要工作经历');
  (form.workHistory ?? []).forEach((item, i) => {
    const start = c.pastMonth(item.startMonth, ['workHistory', i, 'startMonth'], '开始年月');
    const end = blank(item.endMonth) ? null : c.pastMonth(item.endMonth, ['workHistory', i, 'endMonth'], '结束年月');
    if (start && end && end < start) c.add(['workHistory', i, 'endMonth'], '结束年月不能早于开始年月');
    c.text(item.work, ['workHistory', i, 'work'], '工作经历');
    c.optionalText(item.postOrTitle, ['workHistory', i, 'postOrTitle'], '职务或职称');
  });
  c.list(form.awards, 'awards', limits.awards, '获奖情况');
  (form.awards ?? []).forEach((item, i) => {
    c.pastDate(item.awardedOn, ['awards', i, 'awardedOn'], '获奖日期');
    c.text(item.name, ['awards', i, 'name'], '获奖成果名称');
    c.text(item.level, ['awards', i, 'level'], '获奖等级');
  });
  c.list(form.publications, 'publications', limits.publications, '论文、专著');
  (form.publications ?? []).forEach((item, i) => {
    c.pastDate(item.publishedOn, ['publications', i, 'publishedOn'], '发表日期');
    c.text(item.titleAndContent, ['publications', i, 'titleAndContent'], '论文或专著名称及内容', { max: limits.longText });
    c.text(item.publisher, ['publications', i, 'publisher'], '出版社或登载刊物');
  });

  const preferences = form.hostPreferences ?? [];
  const { min, max } = limits.hostPreferences;
  if (preferences.length < min) c.add(['hostPreferences'], `请至少填报${min}个培养单位志愿`);
  if (preferences.length > max) c.add(['hostPreferences'], `最多填报${max}个培养单位志愿`);
  const firstRankOf = new Map<string, number>();
  preferences.forEach((item, i) => {
    const institution = c.text(item.institution, ['hostPreferences', i, 'institution'], '拟选培养单位');
    const earlier = firstRankOf.get(institution);
    if (institution && earlier !== undefined) c.add(['hostPreferences', i, 'institution'], `与第${earlier}志愿的培养单位重复`);
    else if (institution) firstRankOf.set(institution, i + 1);
    const agreed = c.flag(item.hostAgreed, ['hostPreferences', i, 'hostAgreed'], '是否已征得培养单位同意接收');
    c.optionalText(item.mentor, ['hostPreferences', i, 'mentor'], '拟选导师', limits.personName.max);
    if (agreed) {
      c.text(item.contactName, ['hostPreferences', i, 'contactName'], '接收人姓名', limits.personName);
      c.text(item.contactDepartment, ['hostPreferences', i, 'contactDepartment'], '接收人所在部门');
      c.text(item.contactPost, ['hostPreferences', i, 'contactPost'], '接收人职务');
      c.anyPhone(item.contactPhone, ['hostPreferences', i, 'contactPhone'], '接收人联系电话');
    }
  });
  return c.problems;
}

/**
 * Problems as react-admin's form errors: nested like the values (`{ hostPreferences: { 0: {
 * contactPhone: '…' } } }`), the first problem of a field only. A problem about a whole list
 * (too many preferences) goes to the list itself.
 */
export function problemsToErrors(problems: Problem[]): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const { path, message } of problems) {
    if (!path.length) continue;
    let node = errors;
    path.slice(0, -1).forEach((segment) => {
      if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    });
    const last = path[path.length - 1]!;
    if (node[last] === undefined) node[last] = message;
  }
  return errors;
}
