// 结业名单 of a round as a workbook: every trainee who finished, with the assessment and the
// certificate number (none for 不合格), for the bureau's records and the certificates' printing.
import ExcelJS from 'exceljs';
import { genderLabels, trainingModeLabels } from '../applications/application-form.ts';
import { assessmentLabels, type CompletedApplication, type CompletionList } from '../training/certificates.service.ts';
import { dottedDate, ethnicityName } from './form-values.ts';

export function completionListTitle(year: number): string {
  return `${year}年新疆少数民族科技骨干特殊培养学员结业名单`;
}

interface CompletionColumn {
  header: string;
  width: number;
  value: (application: CompletedApplication, index: number) => string;
}

const columns: CompletionColumn[] = [
  { header: '序号', width: 6, value: (_, index) => String(index + 1) },
  { header: '证书编号', width: 16, value: (a) => a.training?.certificateNumber ?? '（不发证书）' },
  { header: '姓名', width: 14, value: (a) => a.name },
  { header: '性别', width: 6, value: (a) => genderLabels[a.gender] },
  { header: '民族', width: 10, value: (a) => ethnicityName(a.ethnicity) },
  { header: '身份证号码', width: 21, value: (a) => a.idNumber },
  { header: '培养方式', width: 10, value: (a) => trainingModeLabels[a.mode] },
  { header: '推荐地区', width: 16, value: (a) => a.area.name },
  { header: '工作单位', width: 26, value: (a) => a.unit.name },
  { header: '培养单位', width: 26, value: (a) => a.training?.hostInstitution ?? '' },
  { header: '导师', width: 10, value: (a) => a.training?.mentor ?? '' },
  { header: '培养起止', width: 22, value: (a) => (a.training ? `${dottedDate(a.training.startedOn)}—${a.training.completedOn ? dottedDate(a.training.completedOn) : ''}` : '') },
  { header: '考核结果', width: 10, value: (a) => (a.training?.assessment ? assessmentLabels[a.training.assessment] : '') },
];

export function completionRows(list: CompletionList): string[][] {
  return list.applications.map((application, index) => columns.map((column) => column.value(application, index)));
}

export async function completionListXlsx(list: CompletionList, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '新疆少数民族科技骨干特殊培养管理系统';
  workbook.created = now;
  workbook.title = completionListTitle(list.round.year);
  const sheet = workbook.addWorksheet('结业名单', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const title = sheet.getRow(1);
  title.getCell(1).value = completionListTitle(list.round.year);
  title.getCell(1).font = { name: 'SimSun', size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  sheet.mergeCells(1, 1, 1, columns.length);
  const headers = sheet.getRow(2);
  columns.forEach((column, index) => {
    const cell = headers.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: 'SimSun', size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  completionRows(list).forEach((values, rowIndex) => {
    const row = sheet.getRow(3 + rowIndex);
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      // Text throughout: an ID number must not turn into a number.
      cell.value = value;
      cell.numFmt = '@';
      cell.font = { name: 'SimSun', size: 10 };
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
