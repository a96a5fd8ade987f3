// 失信名单: how many listings are in force within the reader's scope, and the latest ones (the
// API lists them newest first and masks identifiers for those who may not read them).
import { Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { beijingDate } from '../common/format.ts';
import { recentBlacklist } from '../dataProvider/aggregates.ts';
import { DashboardCard } from './DashboardCard.tsx';

export const BlacklistCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const blacklist = useQuery({ queryKey: ['dashboard', 'recentBlacklist'], queryFn: () => recentBlacklist(5) });
  const data = blacklist.data;
  return (
    <DashboardCard title={translate('tepei.dashboard.blacklist')} loading={blacklist.isPending} error={blacklist.error} testId="blacklist-card">
      {data?.totalCount ? (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="blacklist-count" data-value={data.totalCount}>
            {translate('tepei.dashboard.blacklistCount', { count: data.totalCount })}
          </Typography>
          <List dense disablePadding>
            {data.records.map((record) => (
              <ListItem key={record.id} disableGutters data-testid="blacklist-record">
                <ListItemText
                  primary={[record.applicantName, record.unit?.name].filter(Boolean).join(' · ')}
                  secondary={
                    <>
                      <EnumText enum="BlacklistReason" value={record.reasonKind} />
                      {' · '}
                      {translate('tepei.dashboard.listedAt', { date: beijingDate(record.listedAt) })}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="blacklist-count" data-value={0}>
          {translate('tepei.dashboard.noBlacklist')}
        </Typography>
      )}
      <Button component={Link} to={createPath({ resource: 'blacklist', type: 'list' })} size="small" sx={{ mt: 1 }}>
        {translate('tepei.dashboard.openBlacklist')}
      </Button>
    </DashboardCard>
  );
};
