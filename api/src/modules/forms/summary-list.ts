// Form 5, 名单汇总表 (attachment 5 of the notice): its words and its 19 columns, shared by the
// XLSX and the PDF so that both print the same list.
import { educationLabels, genderLabels, politicalStatusLabels, trainingModeLabels } from '../applications/application-form.ts';
import { ethnicityName, hostInstitutions, titleWithLevel, yearMonth } from './form-values.ts';
import type { ListedApplication } from './forms.service.ts';

export function summaryListTitle(year: number): string {
  return `${year} 年申报新疆少数民族科技骨干特培人员名单汇总表`;
}

/** The line under the title, filled in by hand on the printed list. */
export const summaryListHeaderLine = '（地州市人力资源和社会保障局或自治区有关单位加盖单位公章）： 负责人：（签名） 联系人： 电话：';

export const summaryListNotes = ['备注：1.负责人为单位主要领导，联系人为负责特培的工作人员。', '2.此表请用 A3 纸汇总打印'];

export interface SummaryColumn {
  header: string;
  /** Width in points on A3 landscape (1150 in all); the XLSX derives its column widths from it. */
  points: number;
  value: (application: ListedApplication, index: number) => string;
}

export const summaryColumns: SummaryColumn[] = [
  { header: '序号', points: 26, value: (_, index) => String(index + 1) },
  { header: '姓名', points: 78, value: (a) => a.name },
  { header: '培养方式', points: 46, value: (a) => trainingModeLabels[a.mode] },
  { header: '培养专业', points: 60, value: (a) => a.trainingSpecialty },
  { header: '性别', points: 26, value: (a) => genderLabels[a.gender] },
  { header: '民族', points: 54, value: (a) => ethnicityName(a.ethnicity) },
  { header: '文化程度', points: 54, value: (a) => educationLabels[a.education] },
  { header: '政治面貌', points: 52, value: (a) => politicalStatusLabels[a.politicalStatus] },
  { header: '出生年月', points: 44, value: (a) => yearMonth(a.birthMonth) },
  { header: '专业技术职务(职称)', points: 80, value: (a) => titleWithLevel(a.titleName, a.titleLevel) },
  { header: '拟选修专业方向', points: 64, value: (a) => a.intendedSpecialty },
  { header: '工作单位', points: 100, value: (a) => a.unit.name },
  { header: '现从事专业', points: 56, value: (a) => a.currentSpecialty },
  { header: '申请培养地及培养单位', points: 90, value: (a) => hostInstitutions(a.hostPreferences) },
  { header: '外语种类', points: 40, value: (a) => a.foreignLanguage ?? '无' },
  { header: '学员联系电话(移动电话)', points: 64, value: (a) => a.phone },
  { header: '身份证号码', points: 100, value: (a) => a.idNumber },
  { header: '单位联系人', points: 48, value: (a) => a.unitContactName },
  { header: '联系人电话', points: 68, value: (a) => a.unitContactPhone },
];

export function summaryRows(applications: ListedApplication[]): string[][] {
  return applications.map((application, index) => summaryColumns.map((column) => column.value(application, index)));
}
