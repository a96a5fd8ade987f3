// 失信名单 bars the applicant and the sending unit for 5 years from listing (notice, 七(一)).
// The five years are counted on the Beijing calendar, so a listing made late in the evening
// in Beijing keeps its Beijing date.

const barredYears = 5;
const beijingOffsetMs = 8 * 60 * 60 * 1000;

/**
 * The instant a listing ends: 5 years later, same Beijing calendar day and time of day.
 * A listing made on 29 February ends on 28 February, the expiry year having no 29th.
 */
export function blacklistExpiry(listedAt: Date): Date {
  const beijing = new Date(listedAt.getTime() + beijingOffsetMs);
  const year = beijing.getUTCFullYear() + barredYears;
  const month = beijing.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(beijing.getUTCDate(), lastDayOfMonth);
  const wallClock = Date.UTC(
    year,
    month,
    day,
    beijing.getUTCHours(),
    beijing.getUTCMinutes(),
    beijing.getUTCSeconds(),
    beijing.getUTCMilliseconds(),
  );
  return new Date(wallClock - beijingOffsetMs);
}

export interface ListingPeriod {
  liftedAt: Date | null;
  expiresAt: Date;
  /** When given, a listing dated after `now` is not active yet. */
  listedAt?: Date;
}

/** In force at `now`: not lifted, not expired, already listed. Same test as the loader's query. */
export function isActiveListing(listing: ListingPeriod, now: Date): boolean {
  if (listing.liftedAt) return false;
  if (listing.listedAt && listing.listedAt.getTime() > now.getTime()) return false;
  return listing.expiresAt.getTime() > now.getTime();
}
