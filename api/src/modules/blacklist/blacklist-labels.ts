// A listing in words: why it was made, and whether it bars anyone now (生效中 / 已解除 / 已到期),
// as the console's blacklist and its Excel file tell it. Free of the database, so the console
// bundles it.
import type { BlacklistReason } from '@tepei/db/enums';

export const blacklistReasonLabels: Record<BlacklistReason, string> = { FRAUD: '虚报或伪造内容', ABANDONMENT: '入选后随意放弃或变更', OTHER: '其他' };

export type ListingStatus = 'ACTIVE' | 'LIFTED' | 'EXPIRED';

export const listingStatusLabels: Record<ListingStatus, string> = { ACTIVE: '生效中', LIFTED: '已解除', EXPIRED: '已到期' };

/** From the BlacklistEntry's isActive (isListingInForce) and liftedAt. */
export function listingStatusOf(listing: { isActive: boolean; liftedAt: unknown }): ListingStatus {
  if (listing.isActive) return 'ACTIVE';
  return listing.liftedAt ? 'LIFTED' : 'EXPIRED';
}
