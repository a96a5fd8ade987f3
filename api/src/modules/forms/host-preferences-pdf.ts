// Form 3, 申报培养单位志愿表 (attachment 3 of the notice): up to three host institutions, each
// with an optional mentor, and in the remarks the contact of a host that already agreed.
import { FormPdf } from './form-pdf.ts';
import { preferenceOrdinals } from './form-values.ts';
import type { FormApplication } from './forms.service.ts';

export const hostPreferencesTitle = '申报培养单位志愿表';

/** 备注: the applicant's remarks, then each agreed host's contact (form 3, note 2). */
function remarks(application: FormApplication): string {
  const lines = application.preferenceRemarks ? [application.preferenceRemarks] : [];
  for (const preference of application.hostPreferences.filter((p) => p.hostAgreed)) {
    lines.push(
      `已征得${preferenceOrdinals[preference.rank - 1] ?? `第${preference.rank}志愿`}培养单位（${preference.institution}）同意接收。` +
        `接收人：${preference.contactName ?? ''}；所在部门：${preference.contactDepartment ?? ''}；职务：${preference.contactPost ?? ''}；联系电话：${preference.contactPhone ?? ''}。`,
    );
  }
  return lines.join('\n');
}

export function hostPreferencesPdf(application: FormApplication): Promise<Buffer> {
  const pdf = new FormPdf({ size: 'A4', title: `${hostPreferencesTitle}（${application.name}）`, margin: 56, fontSize: 11 });
  pdf.space(20);
  pdf.title(hostPreferencesTitle, 20);
  pdf.space(8);
  const rowHeight = 40;
  pdf.row(
    [
      { text: '申报人姓名', width: 0.2 },
      { text: application.name, width: 0.3 },
      { text: '联系电话', width: 0.2 },
      { text: application.phone, width: 0.3 },
    ],
    { minHeight: rowHeight },
  );
  pdf.row(
    [
      { text: '拟选专业', width: 0.2 },
      { text: application.intendedSpecialty, width: 0.8 },
    ],
    { minHeight: rowHeight },
  );
  for (let rank = 1; rank <= 3; rank++) {
    const preference = application.hostPreferences.find((p) => p.rank === rank);
    pdf.row(
      [
        { text: `拟选培养单位\n（${preferenceOrdinals[rank - 1]}）`, width: 0.2 },
        { text: preference?.institution ?? '', width: 0.3 },
        { text: '拟选导师\n（选填）', width: 0.2 },
        { text: preference?.mentor ?? '', width: 0.3 },
      ],
      { minHeight: rowHeight + 8 },
    );
  }
  pdf.row(
    [
      { text: '备  注', width: 0.2 },
      { text: remarks(application), width: 0.8, align: 'left' },
    ],
    { minHeight: 170 },
  );
  pdf.space(10);
  pdf.text('注：1.在填报拟选培养单位前，认真了解所选培养单位、专业及导师的专业领域、研究方向、学术背景等情况。', { size: 10, gapAfter: 2 });
  pdf.text('2.如已征得拟选培养单位同意接收的，请在备注栏说明，并提供相关培养单位负责接收人员姓名、所在部门及职务、联系方式。', {
    size: 10,
    x: 20,
    gapAfter: 30,
  });
  pdf.spread(['', '申报人签名：', '    年    月    日'], { size: 11 });
  return pdf.finish();
}
