// 生效中 / 已解除 / 已到期: whether a listing bars anyone now (by the API's clock).
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { listingStatusOf } from '../../../api/src/modules/blacklist/blacklist-labels.ts';

export interface ListingRecord {
  id: string;
  applicantName: string | null;
  unit: { id: string; name: string } | null;
  isActive: boolean;
  liftedAt: string | null;
  expiresAt: string;
}

const colors = { ACTIVE: 'error', LIFTED: 'default', EXPIRED: 'default' } as const;

export const ListingStatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<ListingRecord>();
  if (!record) return null;
  const status = listingStatusOf(record);
  return <Chip size="small" variant={status === 'ACTIVE' ? 'filled' : 'outlined'} color={colors[status]} label={translate(`tepei.admin.blacklist.status.${status}`)} data-status={status} />;
};
