// Whether an account may sign in — 正常, 锁定中 (a temporary lock after failed sign-ins) or
// 已停用 — as the User type's isLocked field, the console's account list and its Excel file
// tell it. Free of the database, so the console bundles it.
export type AccountStatus = 'ACTIVE' | 'LOCKED' | 'DISABLED';

export const accountStatusLabels: Record<AccountStatus, string> = { ACTIVE: '正常', LOCKED: '锁定中', DISABLED: '已停用' };

/** Locked at `now`: a temporary lock that has not run out yet. */
export function isLockedAt(user: { lockedUntil: Date | null }, now: Date): boolean {
  return !!user.lockedUntil && user.lockedUntil > now;
}

export function accountStatusOf(user: { disabled: boolean; isLocked: boolean }): AccountStatus {
  if (user.disabled) return 'DISABLED';
  return user.isLocked ? 'LOCKED' : 'ACTIVE';
}
