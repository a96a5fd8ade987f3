// 历年特培情况 (issue 14 item 6): each round from filing to completion — filed, recommended,
// selected, placed at a host, completed with a certificate — as bars and as a table, for every
// area the reader sees or for one of them. Counted by the API (programmeHistory) under the
// reader's row rules: a prefecture bureau sees its own area, a unit its own applicants.
import { MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { programmeHistory } from '../dataProvider/aggregates.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { historyAreas, historyRows, historySteps } from './programmeHistoryRows.ts';

const HistoryChart = lazy(() => import('./HistoryChart.tsx'));

export const ProgrammeHistoryCard = () => {
  const translate = useTranslate();
  const [areaId, setAreaId] = useState('');
  const history = useQuery({ queryKey: ['dashboard', 'programmeHistory'], queryFn: programmeHistory });
  const lines = history.data ?? [];
  const areas = historyAreas(lines);
  const rows = historyRows(lines, areaId);
  const labels = Object.fromEntries(historySteps.map((step) => [step, translate(`tepei.dashboard.historySteps.${step}`)])) as Record<(typeof historySteps)[number], string>;
  return (
    <DashboardCard title={translate('tepei.dashboard.history')} loading={history.isPending} error={history.error} testId="programme-history">
      {areas.length > 1 ? (
        <TextField
          select
          size="small"
          label={translate('tepei.dashboard.historyArea')}
          value={areaId}
          onChange={(event) => setAreaId(event.target.value)}
          sx={{ minWidth: 220, mb: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'history-area' } }}
        >
          <MenuItem value="">{translate('tepei.dashboard.historyAllAreas')}</MenuItem>
          {areas.map((area) => (
            <MenuItem key={area.id} value={area.id}>
              {area.name}
            </MenuItem>
          ))}
        </TextField>
      ) : areas.length === 1 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {areas[0]!.name}
        </Typography>
      ) : null}
      {rows.length ? (
        <>
          <Suspense fallback={null}>
            <HistoryChart rows={rows} labels={labels} />
          </Suspense>
          <ScrollRegion label={translate('tepei.dashboard.history')}>
            <Table size="small" data-testid="history-table">
              <TableHead>
                <TableRow>
                  <TableCell component="th" sx={{ fontWeight: 600 }}>
                    {translate('tepei.dashboard.historyYear')}
                  </TableCell>
                  {historySteps.map((step) => (
                    <TableCell key={step} component="th" align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                      {labels[step]}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.year} data-testid={`history-${row.year}`}>
                    <TableCell component="th" scope="row">
                      {row.roundName}
                    </TableCell>
                    {historySteps.map((step) => (
                      <TableCell key={step} align="right" data-testid={`history-${row.year}-${step}`} data-value={row[step]}>
                        {row[step]}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      ) : (
        <Typography variant="body2">{translate('tepei.dashboard.noHistory')}</Typography>
      )}
    </DashboardCard>
  );
};
