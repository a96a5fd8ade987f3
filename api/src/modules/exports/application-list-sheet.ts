// The applications list as a spreadsheet: its columns with their Chinese headers, the file's
// name and where it is downloaded. Free of the database, so the console bundles it: the list's
// column labels (i18n resources.applications.fields) and the export button read them from here.
import type { ApplicationStatus, Gender, TrainingMode } from '@tepei/db/enums';
import { statusLabels } from '@tepei/db/reference/status-flow';
import { genderLabels, trainingModeLabels } from '../applications/application-form.ts';
import { missingScanLabels, type SignedScanKind } from '../documents/signed-scan-kinds.ts';
import { eligibilityRuleLabels, ruleOutcomeLabels, type RuleResult } from '../eligibility/eligibility.rules.ts';
import { columnLabels, instantCell, joinedCell, labelOf, type ListColumn, listExportPath, listFile } from './list-sheet.ts';

/** One row of the export: the list's fields, with the unit's and area's names. */
export interface ApplicationListRow {
  serialNumber: string | null;
  name: string;
  gender: Gender | null;
  status: ApplicationStatus;
  mode: TrainingMode | null;
  trainingSpecialty: string;
  submittedAt: Date | null;
  statusChangedAt: Date;
  updatedAt: Date;
  unit: { name: string };
  area: { name: string };
  eligibility: readonly Pick<RuleResult, 'rule' | 'outcome'>[];
  missingSignedScans: readonly SignedScanKind[];
}

/** The columns, in order: the fields the list shows (none of them a personal identifier). */
export const applicationListColumns = [
  { field: 'serialNumber', header: '学员编号', width: 18, value: (row: ApplicationListRow) => row.serialNumber },
  { field: 'name', header: '姓名', width: 14, value: (row: ApplicationListRow) => row.name },
  { field: 'gender', header: '性别', width: 6, value: (row: ApplicationListRow) => labelOf(genderLabels, row.gender) },
  { field: 'status', header: '申报状态', width: 26, value: (row: ApplicationListRow) => statusLabels[row.status] },
  { field: 'mode', header: '培养方式', width: 10, value: (row: ApplicationListRow) => labelOf(trainingModeLabels, row.mode) },
  { field: 'trainingSpecialty', header: '培养专业', width: 18, value: (row: ApplicationListRow) => row.trainingSpecialty },
  { field: 'submittedAt', header: '提交时间', width: 17, value: (row: ApplicationListRow) => instantCell(row.submittedAt) },
  { field: 'statusChangedAt', header: '进入当前状态', width: 17, value: (row: ApplicationListRow) => instantCell(row.statusChangedAt) },
  { field: 'updatedAt', header: '最后修改', width: 17, value: (row: ApplicationListRow) => instantCell(row.updatedAt) },
  { field: 'unit', header: '用人单位', width: 28, value: (row: ApplicationListRow) => row.unit.name },
  { field: 'area', header: '推荐主管部门', width: 16, value: (row: ApplicationListRow) => row.area.name },
  {
    field: 'eligibility',
    header: '推荐条件核验',
    width: 40,
    value: (row: ApplicationListRow) => joinedCell(row.eligibility.map((result) => `${eligibilityRuleLabels[result.rule]}：${ruleOutcomeLabels[result.outcome]}`)),
  },
  { field: 'missingSignedScans', header: '签字盖章扫描件', width: 26, value: (row: ApplicationListRow) => joinedCell(row.missingSignedScans.map((kind) => missingScanLabels[kind])) },
] as const satisfies readonly ListColumn<ApplicationListRow>[];

/** The column headers by field: the console's labels of the same fields. */
export const applicationListLabels = columnLabels(applicationListColumns);

export const applicationListFile = listFile('applications', '申报');

/** Where the whole list is downloaded: the `applications` connection's own `filter` and `orderBy` arguments. */
export function applicationListExportPath(args: { filter?: object | null; orderBy?: readonly object[] | null }): string {
  return listExportPath(applicationListFile.pathname, { filter: args.filter, orderBy: args.orderBy });
}
