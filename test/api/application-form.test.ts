// Forms 2 and 3: normalisation, and every problem reported at its field path, all at once.
import { describe, expect, it } from 'vitest';
import { composeResidentId } from '@tepei/db/reference/resident-id';
import { ValidationFailedError, type FieldProblem } from '@tepei/api/errors/domain-errors';
import {
  applicationFormToPrismaData,
  saveCompleteness,
  validateApplicationForm,
  type ApplicationForm,
  type ApplicationFormDraft,
  type FormCompleteness,
} from '@tepei/api/modules/applications/application-form';

const today = '2025-03-01';

/** A valid ID number whose check character is X, to test the lower-case x a user may type. */
function idNumberEndingInX(birthDate: string, gender: 'MALE' | 'FEMALE'): string {
  for (let sequence = 0; sequence < 500; sequence++) {
    const id = composeResidentId('652301', birthDate, gender, sequence);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no ID number ending in X');
}

const applicantIdNumber = idNumberEndingInX('1986-05-12', 'FEMALE');

/** 古丽娜尔, a hydraulic engineer in 昌吉, filling in forms 2 and 3 completely and correctly. */
function completeForm(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    name: '古丽娜尔·艾力',
    gender: 'FEMALE',
    ethnicity: 'UYGHUR',
    birthDate: '1986-05-12',
    idNumber: applicantIdNumber,
    politicalStatus: 'CPC_MEMBER',
    chineseProficiency: 'GOOD',
    graduateSchool: '新疆农业大学',
    foreignLanguage: '英语',
    foreignLanguageLevel: 'CET-6',
    education: 'MASTER',
    majorStudied: '水利水电工程',
    currentSpecialty: '水工结构',
    trainingSpecialty: '水利工程',
    department: '设计二室',
    unitAddress: '新疆昌吉市延安北路 88 号',
    postcode: '831100',
    administrativePost: '副主任',
    titleName: '高级工程师',
    titleLevel: 'SUB_SENIOR',
    phone: '13899912345',
    email: 'gulnar@example.cn',
    unitContactName: '王建国',
    unitContactPhone: '0994-2345678',
    emergencyContactName: '艾力·买买提',
    emergencyContactPhone: '13999887766',
    hasDisqualifyingIllness: false,
    earlierTrainee: false,
    earlierTrainingYear: null,
    earlierTrainingPlace: null,
    studyGoals: '系统学习大型水利枢纽结构安全监测与数值分析方法，返岗后牵头开展渠首工程安全评估。',
    mode: 'REMOTE',
    intendedSpecialty: '水工结构工程',
    preferenceRemarks: null,
    workHistory: [
      { startMonth: '2012-07', endMonth: '2018-06', work: '昌吉州水利水电勘测设计院 技术员', postOrTitle: '助理工程师' },
      { startMonth: '2018-07', endMonth: null, work: '昌吉州水利水电勘测设计院 设计二室', postOrTitle: '高级工程师' },
    ],
    awards: [{ awardedOn: '2021-11-20', name: '自治区水利科技进步奖', level: '二等奖' }],
    publications: [{ publishedOn: '2023-04-15', titleAndContent: '干旱区渠道衬砌冻胀破坏机理研究', publisher: '水利学报' }],
    hostPreferences: [
      { institution: '河海大学', mentor: '张教授', hostAgreed: false },
      {
        institution: '武汉大学',
        hostAgreed: true,
        contactName: '李明',
        contactDepartment: '水利水电学院',
        contactPost: '副院长',
        contactPhone: '027-68772211',
      },
    ],
    ...overrides,
  };
}

function problemsOf(form: ApplicationFormDraft, path?: string[], completeness?: FormCompleteness): FieldProblem[] {
  try {
    validateApplicationForm(form, { today, path, completeness });
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.problems;
    throw error;
  }
  return [];
}

describe('a complete, correct form', () => {
  it('passes and comes back normalised: lower-case x upper-cased, blanks trimmed, empty optionals null', () => {
    const form = validateApplicationForm(
      completeForm({
        idNumber: ` ${applicantIdNumber.toLowerCase()} `,
        name: '  古丽娜尔·艾力 ',
        foreignLanguage: '   ',
        email: '',
      }),
      { today },
    );
    expect(applicantIdNumber.endsWith('X')).toBe(true);
    expect(form.idNumber).toBe(applicantIdNumber);
    expect(form.name).toBe('古丽娜尔·艾力');
    expect(form.foreignLanguage).toBeNull();
    expect(form.email).toBeNull();
  });

  it('accepts a landline for the unit contact', () => {
    expect(problemsOf(completeForm({ unitContactPhone: '09913689693' }))).toEqual([]);
  });

  it('drops a host contact when the host has not agreed', () => {
    const form = validateApplicationForm(
      completeForm({ hostPreferences: [{ institution: '河海大学', hostAgreed: false, contactName: '李明' }] }),
      { today },
    );
    expect(form.hostPreferences[0]!.contactName).toBeNull();
  });
});

describe('each mistake is reported at its field', () => {
  const validId = applicantIdNumber;
  const scenarios: Array<{ name: string; form: ApplicationForm; path: string[]; message: RegExp }> = [
    {
      name: 'a wrong check character',
      form: completeForm({ idNumber: validId.slice(0, 17) + (validId.endsWith('0') ? '1' : '0') }),
      path: ['form', 'idNumber'],
      message: /校验位/,
    },
    { name: 'a 19-character ID number', form: completeForm({ idNumber: validId + '1' }), path: ['form', 'idNumber'], message: /18位/ },
    {
      name: 'an ID number born on 1980-02-30',
      form: completeForm({ idNumber: composeResidentId('652301', '1980-02-30', 'FEMALE', 3), birthDate: '1980-02-28' }),
      path: ['form', 'idNumber'],
      message: /19800230 不存在/,
    },
    {
      name: 'a birth date other than the ID number’s',
      form: completeForm({ birthDate: '1986-05-13' }),
      path: ['form', 'birthDate'],
      message: /^出生日期与身份证号不一致$/,
    },
    { name: 'a gender other than the ID number’s', form: completeForm({ gender: 'MALE' }), path: ['form', 'gender'], message: /^性别与身份证号不一致$/ },
    { name: 'a mobile number of 10 digits', form: completeForm({ phone: '1389991234' }), path: ['form', 'phone'], message: /11位手机号码/ },
    { name: 'a landline as the applicant’s own phone', form: completeForm({ phone: '0994-2345678' }), path: ['form', 'phone'], message: /11位手机号码/ },
    { name: 'a malformed e-mail', form: completeForm({ email: 'gulnar@' }), path: ['form', 'email'], message: /电子邮箱/ },
    { name: 'a 5-digit postcode', form: completeForm({ postcode: '83110' }), path: ['form', 'postcode'], message: /6位数字/ },
    {
      name: 'four host preferences',
      form: completeForm({
        hostPreferences: ['河海大学', '武汉大学', '清华大学', '天津大学'].map((institution) => ({ institution, hostAgreed: false })),
      }),
      path: ['form', 'hostPreferences'],
      message: /^最多填报3个培养单位志愿$/,
    },
    { name: 'no host preference', form: completeForm({ hostPreferences: [] }), path: ['form', 'hostPreferences'], message: /至少填报1个/ },
    {
      name: 'the same host twice',
      form: completeForm({ hostPreferences: [{ institution: '河海大学', hostAgreed: false }, { institution: '河海大学', hostAgreed: false }] }),
      path: ['form', 'hostPreferences', '1', 'institution'],
      message: /与第1志愿的培养单位重复/,
    },
    {
      name: 'a host that agreed, without the name of its contact person',
      form: completeForm({
        hostPreferences: [
          { institution: '河海大学', hostAgreed: false },
          { institution: '武汉大学', hostAgreed: true, contactDepartment: '水利水电学院', contactPost: '副院长', contactPhone: '027-68772211' },
        ],
      }),
      path: ['form', 'hostPreferences', '1', 'contactName'],
      message: /接收人姓名/,
    },
    {
      name: 'an earlier trainee without the year',
      form: completeForm({ earlierTrainee: true, earlierTrainingPlace: '浙江大学' }),
      path: ['form', 'earlierTrainingYear'],
      message: /参加年份/,
    },
    {
      name: 'an earlier training year in the future',
      form: completeForm({ earlierTrainee: true, earlierTrainingYear: 2026, earlierTrainingPlace: '浙江大学' }),
      path: ['form', 'earlierTrainingYear'],
      message: /2000年至2025年/,
    },
    {
      name: 'a work period that ends before it starts',
      form: completeForm({ workHistory: [{ startMonth: '2018-07', endMonth: '2018-06', work: '设计院' }] }),
      path: ['form', 'workHistory', '0', 'endMonth'],
      message: /不能早于开始年月/,
    },
    {
      name: 'a thirteenth month',
      form: completeForm({ workHistory: [{ startMonth: '2018-13', work: '设计院' }] }),
      path: ['form', 'workHistory', '0', 'startMonth'],
      message: /真实年月/,
    },
    {
      name: 'an award dated tomorrow',
      form: completeForm({ awards: [{ awardedOn: '2025-03-02', name: '自治区水利科技进步奖', level: '二等奖' }] }),
      path: ['form', 'awards', '0', 'awardedOn'],
      message: /不能晚于今天/,
    },
    { name: 'a one-character name', form: completeForm({ name: '古' }), path: ['form', 'name'], message: /2至30个字/ },
    { name: 'study goals of a few words', form: completeForm({ studyGoals: '学习先进技术' }), path: ['form', 'studyGoals'], message: /20至4000个字/ },
    {
      name: 'twenty-one work periods',
      form: completeForm({ workHistory: Array.from({ length: 21 }, () => ({ startMonth: '2012-07', work: '设计院' })) }),
      path: ['form', 'workHistory'],
      message: /最多填写20条/,
    },
  ];

  it.each(scenarios)('$name', ({ form, path, message }) => {
    const problems = problemsOf(form);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(path);
    expect(problems[0]!.message).toMatch(message);
  });
});

describe('several mistakes', () => {
  it('are all reported together in one ValidationFailedError', () => {
    const form = completeForm({
      idNumber: applicantIdNumber + '1',
      phone: '12345',
      earlierTrainee: true,
      earlierTrainingPlace: '浙江大学',
      hostPreferences: [{ institution: '河海大学', hostAgreed: true, contactName: '李明', contactDepartment: '水利学院', contactPost: '教授' }],
    });
    expect(() => validateApplicationForm(form, { today })).toThrow(ValidationFailedError);
    expect(problemsOf(form).map((problem) => problem.path.join('.'))).toEqual([
      'form.idNumber',
      'form.phone',
      'form.earlierTrainingYear',
      'form.hostPreferences.0.contactPhone',
    ]);
  });

  it('name every contact field of a host that agreed but gave no contact', () => {
    const form = completeForm({ hostPreferences: [{ institution: '武汉大学', hostAgreed: true }] });
    expect(problemsOf(form).map((problem) => problem.path.at(-1))).toEqual(['contactName', 'contactDepartment', 'contactPost', 'contactPhone']);
  });

  it('are reported under the path the caller gives', () => {
    expect(problemsOf(completeForm({ phone: '12345' }), ['input', 'application'])[0]!.path).toEqual(['input', 'application', 'phone']);
  });
});

describe('to the database', () => {
  it('numbers children from 0 and preferences from rank 1, with dates as calendar dates', () => {
    const data = applicationFormToPrismaData(validateApplicationForm(completeForm(), { today }));
    expect(data.scalars.birthDate?.toISOString()).toBe('1986-05-12T00:00:00.000Z');
    expect(data.createChildren.hostPreferences.createMany.data.map((row) => [row.rank, row.institution])).toEqual([
      [1, '河海大学'],
      [2, '武汉大学'],
    ]);
    expect(data.createChildren.workHistory.createMany.data.map((row) => row.position)).toEqual([0, 1]);
    expect(data.createChildren.workHistory.createMany.data[0]!.startMonth?.toISOString()).toBe('2012-07-01T00:00:00.000Z');
    expect(data.replaceChildren.awards.deleteMany).toEqual({});
  });

  it('stores what a draft left empty as null, and a partly filled row with its empty dates', () => {
    const draft = validateApplicationForm(
      { idNumber: applicantIdNumber, workHistory: [{ work: '设计二室' }], awards: [{ name: '自治区水利科技进步奖' }], publications: [{ publisher: '水利学报' }] },
      { today, completeness: 'draft' },
    );
    const data = applicationFormToPrismaData(draft);
    expect(data.scalars).toMatchObject({ ethnicity: null, politicalStatus: null, chineseProficiency: null, education: null, titleLevel: null, mode: null });
    // Birth date and gender are still read off the ID number.
    expect(data.scalars).toMatchObject({ gender: 'FEMALE', birthDate: new Date('1986-05-12T00:00:00Z') });
    expect(data.createChildren.workHistory.createMany.data).toEqual([{ position: 0, startMonth: null, endMonth: null, work: '设计二室', postOrTitle: null }]);
    expect(data.createChildren.awards.createMany.data).toEqual([{ position: 0, awardedOn: null, name: '自治区水利科技进步奖', level: '' }]);
    expect(data.createChildren.publications.createMany.data).toEqual([{ position: 0, publishedOn: null, titleAndContent: '', publisher: '水利学报' }]);
  });
});

describe('how complete a save must be', () => {
  const choices = ['gender', 'ethnicity', 'birthDate', 'politicalStatus', 'chineseProficiency', 'education', 'titleLevel', 'mode'] as const;
  const emptied = { ...Object.fromEntries(choices.map((field) => [field, null])), idNumber: '' };
  const halfRows = { workHistory: [{ work: '设计二室' }], awards: [{ name: '自治区水利科技进步奖' }], publications: [{ publisher: '水利学报' }] };

  it('is a draft for a draft and a correction for a returned application', () => {
    expect(saveCompleteness('DRAFT')).toBe('draft');
    expect(saveCompleteness('RETURNED_TO_APPLICANT')).toBe('correction');
  });

  it('asks a draft for nothing but the ID number, and checks what it has', () => {
    expect(problemsOf({ ...emptied, ...halfRows }, undefined, 'draft').map((problem) => problem.path.join('.'))).toEqual(['form.idNumber']);
    expect(problemsOf({ idNumber: applicantIdNumber, ethnicity: 'MARTIAN' as never, awards: [{ awardedOn: '2021-02-30' }] }, undefined, 'draft')).toEqual([
      { path: ['form', 'ethnicity'], message: '请选择民族' },
      { path: ['form', 'awards', '0', 'awardedOn'], message: '获奖日期应为真实日期（YYYY-MM-DD）' },
    ]);
  });

  it('keeps in a correction the choices and dates every submitted application has, but not its text', () => {
    const problems = problemsOf({ ...completeForm(), ...emptied, idNumber: applicantIdNumber, studyGoals: '', ...halfRows }, undefined, 'correction');
    expect(problems.map((problem) => problem.path.slice(1).join('.')).sort()).toEqual(
      [...choices, 'workHistory.0.startMonth', 'awards.0.awardedOn', 'publications.0.publishedOn'].filter((field) => field !== 'gender' && field !== 'birthDate').sort(),
    );
  });

  it('names at submission every field a draft left out', () => {
    const paths = problemsOf({ idNumber: applicantIdNumber, ...halfRows }, undefined, 'submission').map((problem) => problem.path.slice(1).join('.'));
    for (const field of [...choices, 'name', 'studyGoals', 'hostPreferences', 'workHistory.0.startMonth', 'awards.0.awardedOn', 'awards.0.level', 'publications.0.publishedOn']) {
      expect(paths).toContain(field);
    }
  });
});
