// The roles by their Chinese names, as the console and the API's files call them. Free of the
// database, so the console bundles it.
import type { Role } from '@tepei/db/enums';

export const roleLabels: Record<Role, string> = {
  APPLICANT: '申报人',
  EMPLOYER: '用人单位审核人',
  PREFECTURE: '地州市人社局审核人',
  REGIONAL: '自治区人社厅管理员',
  ANALYST: '数据分析',
};
