// Form 5 as a PDF on A3 landscape, the paper the notice asks for.
import { FormPdf } from './form-pdf.ts';
import type { SummaryList } from './forms.service.ts';
import { summaryColumns, summaryListHeaderLine, summaryListNotes, summaryListTitle, summaryRows } from './summary-list.ts';

export function summaryListPdf(list: SummaryList): Promise<Buffer> {
  const title = summaryListTitle(list.round.year);
  const pdf = new FormPdf({ size: 'A3', landscape: true, title, margin: 20, fontSize: 9 });
  pdf.title(title, 20);
  // On paper the blanks of the header line are filled in by hand: give each its room.
  pdf.spread(summaryListHeaderLine.split(' '), { size: 12, gapAfter: 10, shares: [0.42, 0.24, 0.17, 0.17] });
  const total = summaryColumns.reduce((sum, column) => sum + column.points, 0);
  pdf.table(
    summaryColumns.map((column) => ({ header: column.header, width: column.points / total })),
    summaryRows(list.applications),
    { fontSize: 9, minHeight: 26, emptyText: '（暂无审核通过或已推荐的人员）' },
  );
  pdf.space(8);
  summaryListNotes.forEach((note, index) => pdf.text(note, { size: 11, x: index === 0 ? 0 : 33, gapAfter: 2 }));
  return pdf.finish();
}
