// The whole accounts list as one .xlsx, for GET /files/exports/users.xlsx (list-export.route.ts
// serves it). It takes the `users` connection's own `role`, checked by the schema's Role, and
// reads what the connection lists for the reader (accounts.service.ts: the row rules AND the
// role, in its order — not by username for analysts — each username as the field shows it).
import type { Prisma } from '@tepei/db/client';
import type { Role } from '@tepei/db/enums';
import type { Actor } from '../../auth/actor.ts';
import { prisma } from '../../db.ts';
import { isLockedAt } from '../accounts/account-status.ts';
import { accountReaders, shownUsername, usersOrder, usersWhere } from '../accounts/accounts.service.ts';
import { type ExportedList, exportBatchSize, inputType, keysetList, type ListExport } from './list-export.ts';
import { userListColumns, userListFile, type UserListRow } from './user-list-sheet.ts';

export interface UserListQuery {
  role: Role | null;
}

const rowSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  area: { select: { name: true } },
  unit: { select: { name: true } },
  disabled: true,
  lockedUntil: true,
  lastLoginAt: true,
} as const satisfies Prisma.UserSelect;

/** The accounts the reader may list, of one role when asked: how many, and in batches of `batchSize`. */
export async function userList(actor: Actor, query: UserListQuery, now: Date, batchSize = exportBatchSize): Promise<ExportedList<UserListRow>> {
  const where = usersWhere(actor, { role: query.role });
  return keysetList(batchSize, {
    count: () => prisma.user.count({ where }),
    read: (page) => prisma.user.findMany({ where, orderBy: usersOrder(actor), select: rowSelect, ...page }),
    complete: (rows) => rows.map(({ lockedUntil, ...user }) => ({ ...user, username: shownUsername(actor, user), isLocked: isLockedAt({ lockedUntil }, now) })),
  });
}

export const userListExport: ListExport<UserListQuery, UserListRow> = {
  ...userListFile,
  operation: 'exportUsers',
  targetType: 'User',
  authScopes: accountReaders,
  refusal: '仅自治区人社厅管理员和数据分析账号可导出账户列表',
  parameters: { role: { type: () => inputType('Role'), example: '"PREFECTURE"' } },
  list: userList,
  columns: userListColumns,
};
