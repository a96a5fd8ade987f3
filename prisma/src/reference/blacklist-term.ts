// 失信名单: "5 年内不予申报特培项目" (notice, 七(一)). A listing lapses on the same Beijing
// calendar day five years on; one made on 29 February lapses on 28 February.
export const blacklistYears = 5;

const beijingOffsetMs = 8 * 60 * 60 * 1000;

export function blacklistExpiresAt(listedAt: Date): Date {
  // Shift to Beijing wall-clock time so the calendar day is the one people read.
  const wall = new Date(listedAt.getTime() + beijingOffsetMs);
  const year = wall.getUTCFullYear() + blacklistYears;
  const month = wall.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(wall.getUTCDate(), lastDayOfMonth);
  const expiresWall = Date.UTC(
    year,
    month,
    day,
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
  return new Date(expiresWall - beijingOffsetMs);
}

/** A listing in force at `at`: not lifted, listed by then, and its five years not run out. */
export function isListingInForce(listing: { liftedAt: Date | null; listedAt: Date; expiresAt: Date }, at: Date): boolean {
  return !listing.liftedAt && listing.listedAt <= at && listing.expiresAt > at;
}
