// Listing on and lifting from the 失信名单, the regional admin's (the API audits both).
import { callMutation, type MutationSpec } from '../dataProvider/callMutation.ts';

const listing = 'id applicantName listedAt expiresAt isActive liftedAt liftReason';

export const listOnBlacklistMutation: MutationSpec = {
  field: 'listOnBlacklist',
  variables: '$applicantIdNumber: String, $applicantName: String, $unitId: ID, $reasonKind: BlacklistReason!, $reason: String!',
  data: listing,
};

export const liftBlacklistEntryMutation: MutationSpec = {
  field: 'liftBlacklistEntry',
  variables: '$id: ID!, $reason: String!',
  data: listing,
};

export interface NewListing {
  applicantIdNumber?: string;
  applicantName?: string;
  unitId?: string;
  reasonKind: string;
  reason: string;
}

export interface Listing {
  id: string;
  applicantName: string | null;
  listedAt: string;
  expiresAt: string;
  isActive: boolean;
  liftedAt: string | null;
  liftReason: string | null;
}

export function listOnBlacklist(listing: NewListing): Promise<Listing> {
  const variables = Object.fromEntries(Object.entries(listing).map(([name, value]) => [name, typeof value === 'string' ? value.trim() || null : value]));
  return callMutation<Listing>(listOnBlacklistMutation, variables);
}

export function liftBlacklistEntry(id: string, reason: string): Promise<Listing> {
  return callMutation<Listing>(liftBlacklistEntryMutation, { id, reason: reason.trim() });
}
