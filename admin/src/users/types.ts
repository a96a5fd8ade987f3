export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: string;
  area: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  disabled: boolean;
  isLocked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}
