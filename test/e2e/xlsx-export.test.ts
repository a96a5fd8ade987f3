// The console's Excel export (admin/src/common/xlsxExporter.ts) works for any list: headers are
// the list's field labels, enum values their Chinese labels (read through the API's schema, also
// for a list whose rows are not nodes), instants in Beijing time, nested objects by name, and
// the file is a workbook that Excel (here exceljs) opens.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportFileName, sheetOf, xlsxBlob } from '../../admin/src/common/xlsxExporter.ts';

const application = {
  id: 'QXBwbGljYXRpb246MQ==',
  serialNumber: '2027-653100-0003',
  name: '吐尔逊·托合提',
  gender: 'MALE',
  status: 'ENDORSED',
  mode: 'LOCAL',
  submittedAt: '2026-10-26T01:39:00.000Z',
  version: 4,
  unit: { id: 'x', name: '喀什地区第二人民医院' },
  eligibility: [
    { rule: 'AGE', outcome: 'PASSED', reason: '出生日期 1990-09-13', blocking: false },
    { rule: 'EDUCATION_TITLE', outcome: 'RELAXED', reason: '南疆放宽', blocking: false },
  ],
};

describe('the Excel export of a list', () => {
  it('writes the applications list as reviewers read it', () => {
    const [header, row] = sheetOf('applications', [application]);
    expect(header).toEqual(['学员编号', '姓名', '性别', '申报状态', '培养方式', '提交时间', '用人单位', '推荐条件核验']);
    expect(row).toEqual([
      '2027-653100-0003',
      '吐尔逊·托合提',
      '男',
      '单位审核通过，待地州市审核',
      '当地培养',
      '2026-10-26 09:39',
      '喀什地区第二人民医院',
      '年龄：符合；学历与职称：放宽后符合',
    ]);
  });

  it('labels the enums of a list whose rows are not nodes (accounts)', () => {
    const [header, row] = sheetOf('users', [{ id: 'u1', username: 'pref-653100', role: 'PREFECTURE', disabled: false, area: { id: 'a', name: '喀什地区' } }]);
    expect(header).toEqual(['用户名', '角色', '已停用', '所辖地区']);
    expect(row).toEqual(['pref-653100', '地州市人社局审核人', '否', '喀什地区']);
  });

  it('names the file after the list and the Beijing date, and writes a workbook exceljs opens', async () => {
    expect(exportFileName('applications', new Date('2026-12-01T17:00:00Z'))).toBe('申报-2026-12-02.xlsx');
    const blob = await xlsxBlob('applications', [application, { ...application, name: '艾力·依明', status: 'RECOMMENDED' }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await blob.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('申报');
    expect(sheet.actualRowCount).toBe(3);
    expect(sheet.getRow(1).getCell(2).value).toBe('姓名');
    expect([sheet.getRow(2).getCell(2).value, sheet.getRow(3).getCell(2).value]).toEqual(['吐尔逊·托合提', '艾力·依明']);
    expect(sheet.getRow(3).getCell(4).value).toBe('已推荐，待自治区遴选');
  });
});
