// The accounts list as a spreadsheet: its columns with the Chinese headers of the console's list
// (i18n resources.users.fields reads them from here) and where it is downloaded. Free of the
// database, so the console bundles it.
import type { Role } from '@tepei/db/enums';
import { accountStatusLabels, accountStatusOf } from '../accounts/account-status.ts';
import { roleLabels } from '../accounts/role-labels.ts';
import { columnLabels, instantCell, type ListColumn, listExportPath, listFile } from './list-sheet.ts';

/** One account as the `users` connection gives it to the reader (the username masked as the field masks it). */
export interface UserListRow {
  username: string;
  displayName: string;
  role: Role;
  area: { name: string } | null;
  unit: { name: string } | null;
  disabled: boolean;
  isLocked: boolean;
  lastLoginAt: Date | null;
}

/** The columns, in the console list's order. */
export const userListColumns = [
  { field: 'username', header: '用户名', width: 20, value: (row: UserListRow) => row.username },
  { field: 'displayName', header: '姓名', width: 14, value: (row: UserListRow) => row.displayName },
  { field: 'role', header: '角色', width: 18, value: (row: UserListRow) => roleLabels[row.role] },
  { field: 'area.name', header: '所辖地区', width: 16, value: (row: UserListRow) => row.area?.name ?? null },
  { field: 'unit.name', header: '所在单位', width: 28, value: (row: UserListRow) => row.unit?.name ?? null },
  { field: 'status', header: '状态', width: 8, value: (row: UserListRow) => accountStatusLabels[accountStatusOf(row)] },
  { field: 'lastLoginAt', header: '最近登录', width: 17, value: (row: UserListRow) => instantCell(row.lastLoginAt) },
] as const satisfies readonly ListColumn<UserListRow>[];

export const userListLabels = columnLabels(userListColumns);

export const userListFile = listFile('users', '账户');

/** Where the whole list is downloaded: the `users` connection's own `role` argument. */
export function userListExportPath(args: { role?: string | null }): string {
  return listExportPath(userListFile.pathname, { role: args.role });
}
