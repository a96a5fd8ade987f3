// The regional admin's buttons on one account: 停用/启用, 解除锁定 (while locked), 注销会话;
// each asks for confirmation and shows the API's refusal (e.g. disabling oneself) in the dialog.
import { Button, Stack, Alert, Box } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { runAccountAction, type AccountAction } from './userMutations.ts';
import type { UserRecord } from './types.ts';

export const AccountActions = (_props: { label?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const user = useRecordContext<UserRecord>();
  const [action, setAction] = useState<AccountAction | null>(null);
  const mutation = useMutation({
    mutationFn: (chosen: AccountAction) => runAccountAction(chosen, user!.id),
    onSuccess: (_data, chosen) => {
      notify(`tepei.admin.users.actions.${chosen}.done`, { type: 'success', messageArgs: { name: user!.displayName } });
      setAction(null);
      refresh();
    },
  });
  if (!user) return null;
  const available: AccountAction[] = [user.disabled ? 'enable' : 'disable', ...(user.isLocked ? (['unlock'] as const) : []), 'revoke'];
  const close = () => {
    if (mutation.isPending) return;
    setAction(null);
    mutation.reset();
  };
  return (
    <Stack direction="row" spacing={0.5} onClick={(event) => event.stopPropagation()}>
      {available.map((candidate) => (
        <Button key={candidate} size="small" color={candidate === 'disable' ? 'warning' : 'primary'} onClick={() => setAction(candidate)} data-action={candidate} sx={{ whiteSpace: 'nowrap' }}>
          {translate(`tepei.admin.users.actions.${candidate}.label`)}
        </Button>
      ))}
      <Confirm
        isOpen={!!action}
        loading={mutation.isPending}
        title={action ? translate(`tepei.admin.users.actions.${action}.title`, { name: user.displayName, username: user.username }) : ''}
        content={
          <Box data-testid="account-confirm">
            {action ? translate(`tepei.admin.users.actions.${action}.content`) : null}
            {mutation.error ? (
              <Alert severity="error" sx={{ mt: 2 }} data-testid="account-error">
                {mutation.error.message}
              </Alert>
            ) : null}
          </Box>
        }
        confirm={action ? `tepei.admin.users.actions.${action}.label` : 'ra.action.confirm'}
        confirmColor={action === 'disable' ? 'warning' : 'primary'}
        onConfirm={() => action && mutation.mutate(action)}
        onClose={close}
      />
    </Stack>
  );
};
