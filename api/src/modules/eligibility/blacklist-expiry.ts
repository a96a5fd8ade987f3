// 失信名单 bars the applicant and the sending unit for 5 years from listing (notice, 七(一)).
// The term itself is reference data shared with the seed.
export { blacklistExpiresAt as blacklistExpiry } from '@tepei/db/reference/blacklist-term';

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
