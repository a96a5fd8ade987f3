// 结业证书 (issue 14 item 5) on the seeded programme: completing a trainee's year numbers their
// certificate in the round's series (none for 不合格); the certificate is a one-page PDF for the
// holder and those who followed them, not for analysts or other applicants; anyone can check a
// number without signing in and learns nothing that identifies the holder, and cannot walk the
// numbers; the round's completion list is a workbook, with ID numbers masked for analysts.
import { certificateIssuers, certificateStatement } from '@tepei/api/modules/forms/certificate-pdf';
import { certificateOf } from '@tepei/api/modules/training/certificates.service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { giveAccountTo, globalId } from '../support/workflow.ts';
import { expectPrintedPage, firstSheet, pdfPages, renderPage } from '../support/downloaded-files.ts';

const now = new Date('2026-12-01T10:00:00+08:00');

let api: TestApi;
let adminToken: string;

beforeAll(async () => {
  api = await startApi({ seeded: true, clock: () => now });
  adminToken = await api.login('admin');
});
afterAll(() => api?.close());

async function download(path: string, token?: string) {
  const response = await api.yoga.fetch(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** A 2025 trainee who started late and is still in training on the seeded day. */
function traineeInTraining(skip = 0) {
  return api.prisma.application.findFirstOrThrow({ where: { status: 'IN_TRAINING', round: { year: 2025 } }, orderBy: { id: 'asc' }, skip });
}

async function complete(applicationId: string, version: number, assessment: string, completedOn = '2026-11-30') {
  return api.gql(
    `mutation($id: ID!, $version: Int!, $completedOn: Date!, $assessment: AssessmentResult!) {
       completeTraining(id: $id, version: $version, completedOn: $completedOn, assessment: $assessment) {
         __typename ... on MutationCompleteTrainingSuccess { data { status training { assessment certificateNumber certificatePdf } } }
         ... on ValidationFailedError { problems { path message } } } }`,
    { id: globalId('Application', applicationId), version, completedOn, assessment },
    adminToken,
  );
}

const verifyQuery = /* GraphQL */ `
  query($number: String!) { verifyCertificate(certificateNumber: $number) {
    __typename
    ... on QueryVerifyCertificateSuccess { data { certificateNumber found certificate { certificateNumber holderName year mode hostInstitution startedOn completedOn } } }
    ... on Error { message }
  } }`;

describe('completing the year', () => {
  it("numbers a qualified trainee's certificate next in the round's series, and gives none for 不合格", async () => {
    const [last] = await api.prisma.$queryRaw<[{ last: string }]>`SELECT max("certificateNumber") AS last FROM "TrainingRecord" WHERE "certificateNumber" LIKE 'XJTP-2025-%'`;
    const next = `XJTP-2025-${String(Number(last.last.slice(-4)) + 1).padStart(4, '0')}`;

    const passing = await traineeInTraining();
    const passed = await complete(passing.id, passing.version, 'QUALIFIED');
    expect(passed.data.completeTraining, JSON.stringify(passed)).toMatchObject({
      data: { status: 'COMPLETED', training: { assessment: 'QUALIFIED', certificateNumber: next, certificatePdf: `/files/forms/application/${passing.id}/certificate.pdf` } },
    });

    const failing = await traineeInTraining();
    const failed = await complete(failing.id, failing.version, 'UNQUALIFIED');
    expect(failed.data.completeTraining.data).toEqual({ status: 'COMPLETED', training: { assessment: 'UNQUALIFIED', certificateNumber: null, certificatePdf: null } });
  });

  it('refuses a completion dated after today or before the training started, naming the date', async () => {
    const trainee = await traineeInTraining();
    const future = await complete(trainee.id, trainee.version, 'QUALIFIED', '2026-12-02');
    expect(future.data.completeTraining.problems).toEqual([{ path: ['completedOn'], message: '结业日期不能晚于今天（2026-12-01）' }]);
    const early = await complete(trainee.id, trainee.version, 'QUALIFIED', '2025-11-30');
    expect(early.data.completeTraining.problems[0]).toMatchObject({ path: ['completedOn'], message: expect.stringContaining('结业日期不能早于开始培养日期') });
    expect((await api.prisma.application.findUniqueOrThrow({ where: { id: trainee.id } })).status).toBe('IN_TRAINING');
  });

  it('gives two completions at once two different numbers', async () => {
    const first = await traineeInTraining();
    const second = await traineeInTraining(1);
    const answers = await Promise.all([complete(first.id, first.version, 'EXCELLENT'), complete(second.id, second.version, 'QUALIFIED')]);
    const numbers = answers.map((answer) => answer.data.completeTraining.data?.training.certificateNumber);
    expect(numbers.every((number) => /^XJTP-2025-\d{4}$/.test(number))).toBe(true);
    expect(new Set(numbers).size).toBe(2);
  });
});

describe('the certificate as a file', () => {
  it("is one A4 landscape page stating the holder's year, host and assessment, issued by the ministry and the region", async () => {
    const record = await api.prisma.trainingRecord.findFirstOrThrow({ where: { certificateNumber: { not: null }, application: { round: { year: 2025 } } }, include: { application: true } });
    // The seed's earlier rounds were filed before accounts: the holder is given one.
    const { token } = await giveAccountTo(api, record.application);
    const { data } = await api.gql(`query($id: ID!) { application(id: $id) { training { certificatePdf } } }`, { id: globalId('Application', record.applicationId) }, token);
    const path = data.application.training.certificatePdf;
    expect(path).toBe(`/files/forms/application/${record.applicationId}/certificate.pdf`);

    const { response, bytes } = await download(path, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain(`结业证书-${record.certificateNumber}-${record.application.name}.pdf`);
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    // A4 landscape, in points.
    expect([Math.round(pages[0]!.width), Math.round(pages[0]!.height)]).toEqual([842, 595]);
    const text = pages[0]!.text.replace(/\s+/g, '');
    expect(text).toContain('结业证书');
    expect(text).toContain(`证书编号：${record.certificateNumber}`);
    const statement = certificateStatement(await certificateOf({ role: 'REGIONAL', userId: 'x', unitId: null, areaId: null } as never, record.applicationId));
    expect(text).toContain(statement.replace(/\s+/g, ''));
    expect(statement).toContain(record.hostInstitution);
    for (const issuer of certificateIssuers) expect(text).toContain(issuer);
    expect(text).toContain('证书查验');
    // Printed: the title in its band at the top (a PNG in test/artifacts/ to look at).
    expectPrintedPage(renderPage(bytes, 1, 'certificate'), [0.08, 0.25]);
  });

  it("is given to the holder's unit, prefecture and the region; refused to analysts, other applicants and strangers", async () => {
    const record = await api.prisma.trainingRecord.findFirstOrThrow({
      where: { certificateNumber: { not: null } },
      include: { application: { include: { unit: { include: { users: true } }, area: { include: { users: true } } } } },
    });
    const path = `/files/forms/application/${record.applicationId}/certificate.pdf`;
    const unitUser = record.application.unit.users.find((user) => user.role === 'EMPLOYER');
    const prefectureUser = record.application.area.users.find((user) => user.role === 'PREFECTURE');
    for (const username of [unitUser?.username, prefectureUser?.username, 'admin'].filter(Boolean) as string[]) {
      expect((await download(path, await api.login(username))).response.status, username).toBe(200);
    }
    expect((await download(path, await api.login('analyst'))).response.status).toBe(403);
    const other = await api.prisma.user.findFirstOrThrow({ where: { role: 'APPLICANT', NOT: { id: record.application.applicantId ?? undefined } } });
    expect((await download(path, await api.login(other.username))).response.status).toBe(404);
    expect((await download(path)).response.status).toBe(401);
    // And the analyst is not handed the path at all.
    const { data } = await api.gql(`query($id: ID!) { application(id: $id) { training { certificatePdf certificateNumber } } }`, { id: globalId('Application', record.applicationId) }, await api.login('analyst'));
    expect(data.application.training).toEqual({ certificatePdf: null, certificateNumber: record.certificateNumber });
  });

  it('is not found for a trainee without one (still in training, or 不合格)', async () => {
    const trainee = await traineeInTraining();
    const { response, bytes } = await download(`/files/forms/application/${trainee.id}/certificate.pdf`, adminToken);
    expect(response.status).toBe(404);
    expect(JSON.parse(Buffer.from(bytes).toString()).errors[0].message).toContain('结业证书');
  });
});

describe('checking a certificate in public', () => {
  it('confirms a real number without signing in, showing no personal identifier', async () => {
    const record = await api.prisma.trainingRecord.findFirstOrThrow({ where: { certificateNumber: { not: null } }, include: { application: { include: { round: true } } } });
    const checked = await api.gql(verifyQuery, { number: ` ${record.certificateNumber!.toLowerCase()} ` });
    expect(checked.data.verifyCertificate, JSON.stringify(checked)).toEqual({
      __typename: 'QueryVerifyCertificateSuccess',
      data: {
        certificateNumber: record.certificateNumber,
        found: true,
        certificate: {
          certificateNumber: record.certificateNumber,
          holderName: `${[...record.application.name][0]}＊＊`,
          year: record.application.round.year,
          mode: record.application.mode,
          hostInstitution: record.hostInstitution,
          startedOn: record.startedOn.toISOString().slice(0, 10),
          completedOn: record.completedOn!.toISOString().slice(0, 10),
        },
      },
    });
    const answer = JSON.stringify(checked);
    for (const identifier of [record.application.idNumber, record.application.phone, record.application.name]) expect(answer).not.toContain(identifier);
  });

  it('says a number no certificate has is not found, and a malformed one how numbers look', async () => {
    const unknown = await api.gql(verifyQuery, { number: 'XJTP-2025-9999' });
    expect(unknown.data.verifyCertificate.data).toEqual({ certificateNumber: 'XJTP-2025-9999', found: false, certificate: null });
    const malformed = await api.gql(verifyQuery, { number: '2025-0001; DROP TABLE' });
    expect(malformed.data.verifyCertificate).toMatchObject({ __typename: 'ValidationFailedError', message: expect.stringContaining('XJTP-年份-序号') });
  });

  it('stops a client address walking the numbers after 30 checks an hour', async () => {
    const answers = [];
    for (let index = 1; index <= 31; index++) {
      answers.push(await api.gql(verifyQuery, { number: `XJTP-2024-${String(index).padStart(4, '0')}` }, undefined, '203.0.113.77'));
    }
    expect(answers.slice(0, 30).every((answer) => answer.data.verifyCertificate.__typename === 'QueryVerifyCertificateSuccess')).toBe(true);
    expect(answers[30]!.data.verifyCertificate).toMatchObject({ __typename: 'RateLimitedError', message: '该网络地址查验次数过多，请稍后再试' });
    // Another address is not held back by it.
    const elsewhere = await api.gql(verifyQuery, { number: 'XJTP-2024-0001' }, undefined, '198.51.100.8');
    expect(elsewhere.data.verifyCertificate.__typename).toBe('QueryVerifyCertificateSuccess');
  });
});

describe("the round's completion list", () => {
  it('lists every trainee who finished with assessment and certificate number; masked ID numbers for analysts; refused to prefectures', async () => {
    const round = await api.gql(`{ rounds { year completionListXlsx } }`, {}, adminToken);
    expect(round.errors).toBeUndefined();
    const path = round.data.rounds.find((candidate: { year: number }) => candidate.year === 2025).completionListXlsx;
    expect(path).toBe('/files/forms/region/completion.xlsx?round=2025');

    const completed = await api.prisma.application.findMany({ where: { status: 'COMPLETED', round: { year: 2025 } }, include: { training: true } });
    const { response, bytes } = await download(path, adminToken);
    expect(response.status).toBe(200);
    const sheet = await firstSheet(bytes);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('2025年新疆少数民族科技骨干特殊培养学员结业名单');
    const header = (sheet.getRow(2).values as string[]).slice(1);
    expect(header).toEqual(['序号', '证书编号', '姓名', '性别', '民族', '身份证号码', '培养方式', '推荐地区', '工作单位', '培养单位', '导师', '培养起止', '考核结果']);
    const rows: string[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 2) rows.push((row.values as string[]).slice(1));
    });
    expect(rows).toHaveLength(completed.length);
    const numbers = rows.map((row) => row[1]).filter((number) => number !== '（不发证书）');
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(rows.map((row) => row[5]))).toEqual(new Set(completed.map((application) => application.idNumber)));

    const masked = await firstSheet((await download(path, await api.login('analyst'))).bytes);
    masked.eachRow((row, number) => {
      if (number > 2) expect(String(row.getCell(6).value)).toBe('*'.repeat(18));
    });
    const prefecture = await api.prisma.user.findFirstOrThrow({ where: { role: 'PREFECTURE' } });
    expect((await download(path, await api.login(prefecture.username))).response.status).toBe(403);
  });
});
