// Form 4, 用人单位审核表 (attachment 4 of the notice): the unit's endorsed applicants of one
// round with its conclusion on each, ready for the head's signature and the unit's stamp.
import { educationLabels, genderLabels, trainingModeLabels, unitNatureLabels } from '../applications/application-form.ts';
import { FormPdf, type Column } from './form-pdf.ts';
import { ethnicityName, titleWithLevel, yearMonth } from './form-values.ts';
import type { ListedApplication, UnitReviewList } from './forms.service.ts';

export function unitReviewTitle(year: number): string {
  return `${year}年申报新疆少数民族科技骨干特培人员用人单位审核表`;
}

/** The unit's conclusion: its endorsement, with what its reviewer wrote. */
function conclusion(application: ListedApplication): string {
  const comment = application.reviews[0]?.comment?.trim();
  return comment ? `审核通过，同意推荐。${comment}` : '审核通过，同意推荐。';
}

const columns: Array<Column & { value: (a: ListedApplication, index: number) => string }> = [
  { header: '序号', width: 30, value: (_, index) => String(index + 1) },
  { header: '姓名', width: 78, value: (a) => a.name },
  { header: '性别', width: 28, value: (a) => genderLabels[a.gender] },
  { header: '民族', width: 50, value: (a) => ethnicityName(a.ethnicity) },
  { header: '出生年月', width: 46, value: (a) => yearMonth(a.birthMonth) },
  { header: '身份证号码', width: 102, value: (a) => a.idNumber },
  { header: '文化程度', width: 54, value: (a) => educationLabels[a.education] },
  { header: '专业技术职务(职称)', width: 84, value: (a) => titleWithLevel(a.titleName, a.titleLevel) },
  { header: '现从事专业', width: 62, value: (a) => a.currentSpecialty },
  { header: '培养方式', width: 52, value: (a) => trainingModeLabels[a.mode] },
  { header: '培养专业', width: 62, value: (a) => a.trainingSpecialty },
  { header: '联系电话', width: 66, value: (a) => a.phone },
  { header: '单位审核意见', width: 88, align: 'left', value: conclusion },
];

export function unitReviewPdf(list: UnitReviewList): Promise<Buffer> {
  const title = unitReviewTitle(list.round.year);
  const pdf = new FormPdf({ size: 'A4', landscape: true, title, margin: 28, fontSize: 9 });
  pdf.title(title, 16);
  pdf.spread([`单位名称：${list.unit.name}`, `单位性质：${unitNatureLabels[list.unit.nature]}`, `所属地区（部门）：${list.unit.area.name}`], { size: 10 });
  pdf.spread([`单位地址：${list.unit.address}`, `联系人：${list.unit.contactName ?? ''}`, `联系电话：${list.unit.contactPhone ?? ''}`], { size: 10, gapAfter: 8 });

  const total = columns.reduce((sum, column) => sum + column.width, 0);
  pdf.table(
    columns.map((column) => ({ ...column, width: column.width / total })),
    list.applications.map((application, index) => columns.map((column) => column.value(application, index))),
    { fontSize: 9, minHeight: 26, emptyText: '（本单位本年度暂无审核通过的申报人员）' },
  );

  pdf.space(10);
  pdf.ensure(110);
  pdf.text(
    `单位审核意见：经对以上 ${list.applications.length} 名申报人员的申报材料逐项审核，所填信息真实、准确，政治表现和健康状况符合推荐条件，同意推荐。`,
    { size: 10, gapAfter: 24 },
  );
  pdf.spread(['单位主要领导签名：', '单位公章：', '日期：        年    月    日'], { size: 11, gapAfter: 40 });
  return pdf.finish();
}
