// Form 5 as a workbook laid out for A3 landscape printing: the notice's title and header line,
// the 19 columns (repeated on every printed page), the notes at the bottom.
import ExcelJS from 'exceljs';
import type { SummaryList } from './forms.service.ts';
import { summaryColumns, summaryListHeaderLine, summaryListNotes, summaryListTitle, summaryRows } from './summary-list.ts';

/** ECMA-376 paper size code of A3 (exceljs's enum does not name it). */
const a3PaperSize = 8 as ExcelJS.PageSetup['paperSize'];

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const font = 'SimSun';

export async function summaryListXlsx(list: SummaryList, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '新疆少数民族科技骨干特殊培养管理系统';
  workbook.created = now;
  workbook.title = summaryListTitle(list.round.year);
  const sheet = workbook.addWorksheet(list.area?.name ?? '全区', {
    pageSetup: {
      paperSize: a3PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // As many pages down as the list needs.
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = summaryColumns.map((column) => ({ width: Math.round((column.points / 5.2) * 10) / 10 }));
  const lastColumn = summaryColumns.length;

  const title = sheet.getRow(1);
  title.getCell(1).value = summaryListTitle(list.round.year);
  title.getCell(1).font = { name: font, size: 18, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 36;
  sheet.mergeCells(1, 1, 1, lastColumn);

  const headerLine = sheet.getRow(2);
  headerLine.getCell(1).value = summaryListHeaderLine;
  headerLine.getCell(1).font = { name: font, size: 12 };
  headerLine.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  headerLine.height = 26;
  sheet.mergeCells(2, 1, 2, lastColumn);

  const headers = sheet.getRow(3);
  summaryColumns.forEach((column, index) => {
    const cell = headers.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: font, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = allBorders;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  headers.height = 42;

  summaryRows(list.applications).forEach((values, rowIndex) => {
    const row = sheet.getRow(4 + rowIndex);
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      // Text throughout: an ID number or phone must not turn into a number.
      cell.value = value;
      cell.numFmt = '@';
      cell.font = { name: font, size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = allBorders;
    });
  });

  const notesStart = 4 + list.applications.length + 1;
  summaryListNotes.forEach((note, index) => {
    const row = sheet.getRow(notesStart + index);
    row.getCell(1).value = note;
    row.getCell(1).font = { name: font, size: 11 };
    row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', indent: index === 0 ? 0 : 3 };
    sheet.mergeCells(notesStart + index, 1, notesStart + index, lastColumn);
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
