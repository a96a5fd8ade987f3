// The official forms as files (attachments 2–5 of the notice): fetched through yoga with real
// tokens, opened with exceljs and pdf.js, checked for their words, their rows, their paper,
// who may have them and what analysts see. One page of forms 2, 3, 4 and 5 is rendered by
// poppler's pdftoppm (apt-installed when missing and run as root, as in CI): the test checks the picture has ink where the
// title and the table are, and writes it to test/artifacts/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationForm, arrangeProgramme, person, type Person, type Programme } from '../fixtures/programme.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { expectPrintedPage, firstSheet, pdfPages, renderPage } from '../support/downloaded-files.ts';
import { createApplication, employerReview, prefectureReview, registerApplicant, submitApplication } from '../support/workflow.ts';

let api: TestApi;
let programme: Programme;
const now = new Date('2026-12-01T10:00:00+08:00');
const tokens: Record<string, string> = {};

/** The applicants of the scenario, by what happened to them. */
const people: Record<'recommended' | 'endorsed' | 'submitted' | 'urumqi', Person & { token: string; applicationId: string }> = {} as never;

const summaryHeaders = [
  '序号', '姓名', '培养方式', '培养专业', '性别', '民族', '文化程度', '政治面貌', '出生年月', '专业技术职务(职称)',
  '拟选修专业方向', '工作单位', '现从事专业', '申请培养地及培养单位', '外语种类', '学员联系电话(移动电话)', '身份证号码', '单位联系人', '联系人电话',
];
const headerLine = '（地州市人力资源和社会保障局或自治区有关单位加盖单位公章）： 负责人：（签名） 联系人： 电话：';

/** Near the 4000 characters the form allows: more than a page of study goals. */
const longStudyGoals = `${'系统学习草原畜牧兽医疫病防控技术，掌握规模化养殖场生物安全体系建设方法，返岗后牵头建立县级动物疫病监测实验室。'.repeat(70)}计划到此为止。`;

const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

/** Registers, files and submits an application; then the unit endorses and the prefecture recommends, as far as `until` says. */
async function applicant(sequence: number, name: string, until: 'submitted' | 'endorsed' | 'recommended', where: 'kashgar' | 'urumqi', overrides: Record<string, unknown> = {}) {
  const who = { ...person(sequence, '1988-06-15', 'FEMALE', where === 'kashgar' ? '653101' : '650102'), name };
  const unitId = where === 'kashgar' ? programme.kashgar.unitId : programme.urumqi.unitId;
  const token = await registerApplicant(api, who, unitId);
  const created = await createApplication(api, token, Buffer.from(`Round:${programme.roundId}`).toString('base64'), applicationForm(who, overrides));
  expect(created, JSON.stringify(created)).toMatchObject({ __typename: 'MutationCreateApplicationSuccess' });
  let step = await submitApplication(api, token, created.data!.id, created.data!.version);
  expect(step.data?.status).toBe('SUBMITTED');
  if (until !== 'submitted') {
    const employer = where === 'kashgar' ? 'unit-kashgar' : 'unit-urumqi';
    step = await employerReview(api, tokens[employer]!, step.data!.id, step.data!.version, {
      decision: 'ENDORSE',
      conductConfirmed: true,
      comment: '材料真实，业务骨干',
    });
    expect(step.data?.status, JSON.stringify(step)).toBe('ENDORSED');
  }
  if (until === 'recommended') {
    const prefecture = where === 'kashgar' ? 'pref-653100' : 'pref-650100';
    step = await prefectureReview(api, tokens[prefecture]!, step.data!.id, step.data!.version, { decision: 'RECOMMEND', conductConfirmed: true });
    expect(step.data?.status, JSON.stringify(step)).toBe('RECOMMENDED');
  }
  return { ...who, token, applicationId: rawId(step.data!.id) };
}

beforeAll(async () => {
  api = await startApi({ clock: () => now });
  programme = await arrangeProgramme(api.prisma);
  for (const username of ['admin', 'analyst', 'pref-653100', 'pref-650100', 'unit-kashgar', 'unit-kashgar-school', 'unit-urumqi']) {
    tokens[username] = await api.login(username);
  }
  people.recommended = await applicant(11, '热依拉·艾力', 'recommended', 'kashgar', {
    workHistory: [
      { startMonth: '2011-07', endMonth: '2016-06', work: '喀什地区第一人民医院心血管内科住院医师', postOrTitle: '住院医师' },
      { startMonth: '2016-07', work: '喀什地区第一人民医院心血管内科', postOrTitle: '主治医师' },
    ],
    hostPreferences: [
      { institution: '北京协和医院', mentor: '张抒扬', hostAgreed: true, contactName: '李明华', contactDepartment: '心内科', contactPost: '科室主任', contactPhone: '010-69151234' },
      { institution: '复旦大学附属中山医院', mentor: '葛均波', hostAgreed: false },
    ],
    preferenceRemarks: '第一志愿已联系，导师同意接收。',
  });
  people.endorsed = await applicant(12, '努尔艾力·买买提', 'endorsed', 'kashgar', { mode: 'LOCAL', ethnicity: 'KAZAKH', studyGoals: longStudyGoals });
  people.submitted = await applicant(13, '古丽娜尔·吐尔逊', 'submitted', 'kashgar');
  people.urumqi = await applicant(14, '巴图·额尔敦', 'recommended', 'urumqi', { ethnicity: 'MONGOL' });
  await api.prisma.application.update({
    where: { id: people.recommended.applicationId },
    data: { unitTrainingNeeds: '返岗后独立开展冠脉介入手术，带教本科室青年医师。' },
  });
});
afterAll(() => api?.close());

async function download(pathAndQuery: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await api.yoga.fetch(`http://test${pathAndQuery}`, { headers });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}


const formPaths = {
  form2: (id: string) => `/files/forms/application/${id}/form2.pdf`,
  form3: (id: string) => `/files/forms/application/${id}/form3.pdf`,
  form4: (unitId: string) => `/files/forms/unit/${unitId}/form4.pdf?round=2027`,
  form5: (areaId: string, format: 'xlsx' | 'pdf') => `/files/forms/area/${areaId}/form5.${format}?round=2027`,
  region: (format: 'xlsx' | 'pdf') => `/files/forms/region/form5.${format}?round=2027`,
};

/** A rendered page in grey levels, 0 black to 255 white. */
const a4 = { width: 595.28, height: 841.89 };
const a3 = { width: 1190.55, height: 841.89 };

describe('form 2 学员申报表 and form 3 申报培养单位志愿表', () => {
  it('serves form 2 as an A4 PDF holding every part of the paper form, in Chinese', async () => {
    const { response, bytes } = await download(formPaths.form2(people.recommended.applicationId), people.recommended.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="form2-${(await api.prisma.application.findUniqueOrThrow({ where: { id: people.recommended.applicationId } })).serialNumber}.pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent(`学员申报表-${people.recommended.name}.pdf`)}`,
    );
    const pages = await pdfPages(bytes);
    for (const page of pages) expect({ width: page.width, height: page.height }).toEqual({ width: expect.closeTo(a4.width, 1), height: expect.closeTo(a4.height, 1) });
    const text = pages.map((page) => page.text).join('\n');
    for (const expected of [
      '少数民族特培学员申报表',
      '中华人民共和国人力资源和社会保障部制',
      '填 表 说 明',
      people.recommended.name,
      people.recommended.idNumber,
      '1988年6月15日',
      '维吾尔族',
      '中共党员',
      '喀什地区第一人民医院',
      '事业单位',
      '主治医师',
      '副高级',
      '买买提·艾力',
      '2011.07—2016.06',
      '2016.07—至今',
      '喀什地区科技进步奖',
      '南疆地区高血压流行病学调查',
      '特培学员个人学习目标及计划',
      '派出单位培养需求',
      '返岗后独立开展冠脉介入手术',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expectPrintedPage(renderPage(bytes, 1, 'form2-cover'), [0.05, 0.4]);
    expectPrintedPage(renderPage(bytes, 3, 'form2'), [0, 0.2]);
  });

  it('serves form 3 with the preferences, their mentors and the contact of the host that agreed', async () => {
    const { response, bytes } = await download(formPaths.form3(people.recommended.applicationId), tokens['unit-kashgar']);
    expect(response.status).toBe(200);
    const [page, ...rest] = await pdfPages(bytes);
    expect(rest).toEqual([]);
    expect({ width: page!.width, height: page!.height }).toEqual({ width: expect.closeTo(a4.width, 1), height: expect.closeTo(a4.height, 1) });
    for (const expected of ['申报培养单位志愿表', people.recommended.name, '心血管内科介入诊疗', '北京协和医院', '张抒扬', '复旦大学附属中山医院', '葛均波', '李明华', '心内科', '010-69151234', '第一志愿已联系']) {
      expect(page!.text, expected).toContain(expected);
    }
    expectPrintedPage(renderPage(bytes, 1, 'form3'), [0, 0.15]);
  });

  it('runs study goals longer than a page on over the next pages, to their last words', async () => {
    const { response, bytes } = await download(formPaths.form2(people.endorsed.applicationId), people.endorsed.token);
    expect(response.status).toBe(200);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const text = pages.map((page) => page.text).join('');
    expect(text).toMatch(/计划到此为止。[^]*申报人签名[^]*派出单位培养需求[^]*派出单位负责人签名/);
    expectPrintedPage(renderPage(bytes, 4, 'form2-long'), [0, 0.2]);
  });

  it('masks ID number and phones in form 2 for an analyst', async () => {
    const { response, bytes } = await download(formPaths.form2(people.recommended.applicationId), tokens.analyst);
    expect(response.status).toBe(200);
    const text = (await pdfPages(bytes)).map((page) => page.text).join('\n');
    expect(text).not.toContain(people.recommended.idNumber);
    expect(text).toContain('*'.repeat(18));
    // 出生年月 only: the day is digits 13–14 of the ID number.
    expect(text).toContain('1988年6月');
    expect(text).not.toContain('1988年6月15日');
    expect(text).not.toContain(people.recommended.phone);
    expect(text).not.toContain('买买提·艾力');
  });
});

describe('form 4 用人单位审核表', () => {
  it("lists the unit's endorsed applicants of the round with its conclusion, ready to sign and stamp", async () => {
    const { response, bytes } = await download(formPaths.form4(programme.kashgar.unitId), tokens['unit-kashgar']);
    expect(response.status, new TextDecoder().decode(bytes)).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('2027年用人单位审核表-喀什地区第一人民医院.pdf')}`);
    const pages = await pdfPages(bytes);
    expect({ width: pages[0]!.width, height: pages[0]!.height }).toEqual({ width: expect.closeTo(a4.height, 1), height: expect.closeTo(a4.width, 1) });
    const text = pages.map((page) => page.text).join('\n');
    for (const expected of [
      '2027年申报新疆少数民族科技骨干特培人员用人单位审核表',
      '喀什地区第一人民医院',
      people.recommended.name,
      people.endorsed.name,
      '材料真实，业务骨干',
      '单位主要领导签名',
      '单位公章',
      '日期',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(people.submitted.name);
    expect(text).not.toContain(people.urumqi.name);
    expectPrintedPage(renderPage(bytes, 1, 'form4'), [0, 0.15]);
  });
});

describe('form 5 名单汇总表', () => {
  it("lays out the area's list as the notice's A3 landscape workbook, with its title, header line, 19 columns and notes", async () => {
    const { response, bytes } = await download(formPaths.form5(programme.kashgar.areaId, 'xlsx'), tokens['pref-653100']);
    expect(response.status, new TextDecoder().decode(bytes)).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('2027年名单汇总表-喀什地区.xlsx')}`);
    const sheet = await firstSheet(bytes);
    expect(sheet.getCell('A1').value).toBe('2027 年申报新疆少数民族科技骨干特培人员名单汇总表');
    expect(sheet.getCell('A2').value).toBe(headerLine);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(summaryHeaders);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });

    // ENDORSED and RECOMMENDED of the area, sorted by mode (异地 first): not the submitted one, not Urumqi's.
    const rows = [4, 5].map((number) => (sheet.getRow(number).values as unknown[]).slice(1));
    expect(rows.map((row) => row[1])).toEqual([people.recommended.name, people.endorsed.name]);
    expect(rows[0]).toEqual([
      '1',
      people.recommended.name,
      '异地培养',
      '临床医学',
      '女',
      '维吾尔族',
      '本科',
      '中共党员',
      '1988.06',
      '主治医师（中级）',
      '心血管内科介入诊疗',
      '喀什地区第一人民医院',
      '心血管内科',
      '1.北京协和医院；2.复旦大学附属中山医院',
      '英语',
      people.recommended.phone,
      people.recommended.idNumber,
      '王建国',
      '0998-2822000',
    ]);
    expect(rows[1]!.slice(2, 6)).toEqual(['当地培养', '临床医学', '女', '哈萨克族']);
    expect(sheet.getCell('A7').value).toBe('备注：1.负责人为单位主要领导，联系人为负责特培的工作人员。');
    expect(sheet.getCell('A8').value).toBe('2.此表请用 A3 纸汇总打印');
  });

  it('serves the same list as an A3 landscape PDF', async () => {
    const { response, bytes } = await download(formPaths.form5(programme.kashgar.areaId, 'pdf'), tokens['pref-653100']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    expect({ width: pages[0]!.width, height: pages[0]!.height }).toEqual({ width: expect.closeTo(a3.width, 1), height: expect.closeTo(a3.height, 1) });
    const text = pages[0]!.text;
    for (const expected of ['2027 年申报新疆少数民族科技骨干特培人员名单汇总表', '负责人：（签名）', '身份证号码', people.recommended.name, people.endorsed.name, '此表请用 A3 纸汇总打印']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(people.urumqi.name);
    expectPrintedPage(renderPage(bytes, 1, 'form5'), [0, 0.15]);
  });

  it('gives the regional admin the list of the whole region', async () => {
    const sheet = await firstSheet((await download(formPaths.region('xlsx'), tokens.admin)).bytes);
    const names = [4, 5, 6].map((number) => sheet.getRow(number).getCell(2).value);
    expect(names).toEqual(expect.arrayContaining([people.recommended.name, people.endorsed.name, people.urumqi.name]));
    expect(sheet.getCell('A9').value).toBe('2.此表请用 A3 纸汇总打印');
    const pdf = await download(formPaths.region('pdf'), tokens.admin);
    expect(pdf.response.status).toBe(200);
    expect((await pdfPages(pdf.bytes))[0]!.text).toContain(people.urumqi.name);
  });

  it('masks ID numbers and phones in the list an analyst downloads', async () => {
    const { response, bytes } = await download(formPaths.form5(programme.kashgar.areaId, 'xlsx'), tokens.analyst);
    expect(response.status).toBe(200);
    const row = (await firstSheet(bytes)).getRow(4);
    expect(row.getCell(17).value).toBe('*'.repeat(18));
    expect(row.getCell(16).value).toBe(`*******${people.recommended.phone.slice(-4)}`);
    expect(row.getCell(19).value).toBe('*******2000');
  });
});

describe('who may download which form', () => {
  it('answers 401 without a valid token, on every route', async () => {
    for (const pathAndQuery of [
      formPaths.form2(people.recommended.applicationId),
      formPaths.form3(people.recommended.applicationId),
      formPaths.form4(programme.kashgar.unitId),
      formPaths.form5(programme.kashgar.areaId, 'xlsx'),
      formPaths.form5(programme.kashgar.areaId, 'pdf'),
      formPaths.region('xlsx'),
    ]) {
      expect((await download(pathAndQuery)).response.status, pathAndQuery).toBe(401);
      expect((await download(pathAndQuery, 'not-a-token')).response.status, pathAndQuery).toBe(401);
    }
  });

  it("keeps each prefecture, unit and applicant to its own forms", async () => {
    const status = async (pathAndQuery: string, token: string) => (await download(pathAndQuery, token)).response.status;
    // Another area's prefecture does not see the area, its units or its applications.
    expect(await status(formPaths.form5(programme.kashgar.areaId, 'xlsx'), tokens['pref-650100']!)).toBe(404);
    expect(await status(formPaths.form5(programme.kashgar.areaId, 'pdf'), tokens['pref-650100']!)).toBe(404);
    expect(await status(formPaths.form4(programme.kashgar.unitId), tokens['pref-650100']!)).toBe(404);
    expect(await status(formPaths.form2(people.recommended.applicationId), tokens['pref-650100']!)).toBe(404);
    // A prefecture may have its units' form 4, but not the region's list.
    expect(await status(formPaths.form4(programme.kashgar.unitId), tokens['pref-653100']!)).toBe(200);
    expect(await status(formPaths.region('xlsx'), tokens['pref-653100']!)).toBe(403);
    // An employer: its own form 4 only, and no summary list.
    expect(await status(formPaths.form4(programme.kashgar.otherUnitId), tokens['unit-kashgar']!)).toBe(404);
    expect(await status(formPaths.form5(programme.kashgar.areaId, 'xlsx'), tokens['unit-kashgar']!)).toBe(403);
    // An applicant: own forms 2 and 3, nobody else's, and no lists.
    expect(await status(formPaths.form2(people.recommended.applicationId), people.endorsed.token)).toBe(404);
    expect(await status(formPaths.form3(people.endorsed.applicationId), people.endorsed.token)).toBe(200);
    expect(await status(formPaths.form4(programme.kashgar.unitId), people.endorsed.token)).toBe(403);
  });

  it('asks for the round of forms 4 and 5, and knows no other path', async () => {
    const missing = await download(`/files/forms/area/${programme.kashgar.areaId}/form5.xlsx`, tokens.admin);
    expect(missing.response.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(missing.bytes)).errors[0].extensions.code).toBe('VALIDATION_FAILED');
    expect((await download(`/files/forms/area/${programme.kashgar.areaId}/form5.xlsx?round=2031`, tokens.admin)).response.status).toBe(404);
    expect((await download('/files/forms/area/not-an-id/form5.xlsx?round=2027', tokens.admin)).response.status).toBe(404);
  });

  it('writes an audit record for every download and every refusal', async () => {
    await download(formPaths.form5(programme.kashgar.areaId, 'pdf'), tokens['pref-653100']);
    await download(formPaths.form5(programme.kashgar.areaId, 'pdf'), tokens['unit-kashgar']);
    const records = await api.prisma.auditRecord.findMany({ where: { operation: 'downloadForm5', at: { gte: now } }, orderBy: { id: 'desc' }, take: 2 });
    expect(records.map((record) => [record.actorRole, record.result, record.errorCode, record.targetType, record.targetId])).toEqual([
      ['EMPLOYER', 'REFUSED', 'FORBIDDEN', 'Area', programme.kashgar.areaId],
      ['PREFECTURE', 'SUCCESS', null, 'Area', programme.kashgar.areaId],
    ]);
    expect(records[1]!.details).toMatchObject({ format: 'pdf', round: '2027', fileName: '2027年名单汇总表-喀什地区.pdf' });
  });
});

describe('GraphQL hands out the paths', () => {
  it('gives each reader the paths of the forms it may download, and they download', async () => {
    const applicationId = Buffer.from(`Application:${people.recommended.applicationId}`).toString('base64');
    const forApplicant = await api.gql(`query($id: ID!) { application(id: $id) { formFiles { form2Pdf form3Pdf } } }`, { id: applicationId }, people.recommended.token);
    expect(forApplicant.errors).toBeUndefined();
    expect(forApplicant.data.application.formFiles).toEqual({
      form2Pdf: formPaths.form2(people.recommended.applicationId),
      form3Pdf: formPaths.form3(people.recommended.applicationId),
    });
    expect((await download(forApplicant.data.application.formFiles.form3Pdf, people.recommended.token)).response.status).toBe(200);

    const unitId = Buffer.from(`EmployerUnit:${programme.kashgar.unitId}`).toString('base64');
    const areaId = Buffer.from(`Area:${programme.kashgar.areaId}`).toString('base64');
    const query = `query($unit: ID!, $area: ID!) {
      unit: node(id: $unit) { ... on EmployerUnit { form4Pdf(roundYear: 2027) } }
      area: node(id: $area) { ... on Area { form5Files(roundYear: 2027) { form5Xlsx form5Pdf } } }
      rounds { regionForm5Files { form5Xlsx } }
    }`;
    const forPrefecture = await api.gql(query, { unit: unitId, area: areaId }, tokens['pref-653100']);
    expect(forPrefecture.data.unit.form4Pdf).toBe(formPaths.form4(programme.kashgar.unitId));
    expect(forPrefecture.data.area.form5Files).toEqual({
      form5Xlsx: formPaths.form5(programme.kashgar.areaId, 'xlsx'),
      form5Pdf: formPaths.form5(programme.kashgar.areaId, 'pdf'),
    });
    expect(forPrefecture.data.rounds).toEqual([{ regionForm5Files: null }]);
    expect(forPrefecture.errors?.map((error) => error.path)).toEqual([['rounds', 0, 'regionForm5Files']]);
    expect((await download(forPrefecture.data.area.form5Files.form5Xlsx, tokens['pref-653100'])).response.status).toBe(200);

    const forAdmin = await api.gql(query, { unit: unitId, area: areaId }, tokens.admin);
    expect(forAdmin.errors).toBeUndefined();
    expect(forAdmin.data.rounds).toEqual([{ regionForm5Files: { form5Xlsx: formPaths.region('xlsx') } }]);

    const forEmployer = await api.gql(query, { unit: unitId, area: areaId }, tokens['unit-kashgar']);
    expect(forEmployer.data.unit.form4Pdf).toBe(formPaths.form4(programme.kashgar.unitId));
    expect(forEmployer.data.area.form5Files).toBeNull();
  });
});
