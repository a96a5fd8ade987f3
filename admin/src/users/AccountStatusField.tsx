// 正常 / 锁定中 / 已停用, by the API's clock.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { accountStatusOf } from '../../../api/src/modules/accounts/account-status.ts';
import type { UserRecord } from './types.ts';

const colors = { ACTIVE: 'success', LOCKED: 'warning', DISABLED: 'default' } as const;

export const AccountStatusField = (_props: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<UserRecord>();
  if (!record) return null;
  const status = accountStatusOf(record);
  return <Chip size="small" variant="outlined" color={colors[status]} label={translate(`tepei.admin.users.status.${status}`)} data-status={status} />;
};
