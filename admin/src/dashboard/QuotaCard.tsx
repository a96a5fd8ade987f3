// 名额 of one training mode (异地培养 or 当地培养) in the current round: places, selected (已入选),
// recommended and awaiting selection, remaining — the API's quotaUsage: the reader's own figures
// as a gauge (a prefecture bureau's are its area's allocation, when it has one; everyone else's
// the region's), the region-wide remainder named as such beside them, then the areas' lines
// (a prefecture bureau sees its own area's line only).
import { Box, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { quotaUsage, type QuotaLine } from '../dataProvider/aggregates.ts';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { DashboardCard } from './DashboardCard.tsx';
import { useCurrentRound } from './useCurrentRound.ts';

export function useQuotaUsage(roundId: string | undefined) {
  return useQuery({ queryKey: ['dashboard', 'quotaUsage', roundId], queryFn: () => quotaUsage(roundId!), enabled: !!roundId });
}

const Figure = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <Box sx={{ minWidth: 72 }}>
    <Typography variant="h6" component="div" data-testid={testId}>
      {value}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

const AreaSplit = ({ lines, mode }: { lines: QuotaLine[]; mode: QuotaLine['mode'] }) => {
  const translate = useTranslate();
  if (!lines.length) {
    return (
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
        {translate('tepei.dashboard.noAreaAllocation')}
      </Typography>
    );
  }
  const headers = ['quotaArea', 'places_short', 'used', 'reserved_short', 'remaining'];
  return (
    <ScrollRegion label={`${translate(`tepei.enums.TrainingMode.${mode}`)} · ${translate('tepei.dashboard.quotaAreas')}`} sx={{ mt: 1.5, maxHeight: 240 }}>
      <Typography variant="subtitle2">{translate('tepei.dashboard.quotaAreas')}</Typography>
      <Table size="small" stickyHeader data-testid={`quota-${mode}-areas`}>
        <TableHead>
          <TableRow>
            {headers.map((header, index) => (
              <TableCell key={header} align={index ? 'right' : 'left'} sx={{ py: 0.5, fontWeight: 600, whiteSpace: 'nowrap' }}>
                {translate(`tepei.dashboard.${header}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line) => (
            <TableRow key={line.area!.id} data-testid={`quota-${mode}-area`} data-area={line.area!.id}>
              <TableCell sx={{ py: 0.5, whiteSpace: 'nowrap' }}>{line.area!.name}</TableCell>
              {([line.places, line.used, line.reserved, line.remaining] as const).map((value, index) => (
                <TableCell key={index} align="right" sx={{ py: 0.5 }} data-field={['places', 'used', 'reserved', 'remaining'][index]}>
                  {value}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
};

export const QuotaCard = ({ mode }: { mode: QuotaLine['mode'] }) => {
  const translate = useTranslate();
  const round = useCurrentRound();
  const usage = useQuotaUsage(round.data?.id);
  const { permissions } = usePermissions<Permissions>();
  const regionLine = usage.data?.find((candidate) => candidate.mode === mode && !candidate.area);
  const areaLines = usage.data?.filter((candidate) => candidate.mode === mode && candidate.area) ?? [];
  // A prefecture bureau selects nobody itself; what it can plan with is its own allocation.
  const ownAreaLine = permissions?.role === 'PREFECTURE' ? areaLines.find((candidate) => candidate.area!.id === permissions.area?.id) : undefined;
  const line = ownAreaLine ?? regionLine;
  const modeLabel = translate(`tepei.enums.TrainingMode.${mode}`);
  const percent = (value: number) => (line && line.places > 0 ? Math.min(100, (value / line.places) * 100) : 0);
  return (
    <DashboardCard title={translate('tepei.dashboard.quota', { mode: modeLabel })} loading={round.isPending || usage.isPending} error={round.error ?? usage.error} testId={`quota-${mode}`}>
      {line ? (
        <>
          <Typography variant="body2" color="text.secondary" data-testid={`quota-${mode}-places`} data-value={line.places} data-scope={ownAreaLine ? 'area' : 'region'}>
            {ownAreaLine
              ? translate('tepei.dashboard.areaPlaces', { area: ownAreaLine.area!.name, places: line.places })
              : translate('tepei.dashboard.regionPlaces', { places: line.places })}
          </Typography>
          <LinearProgress
            variant="buffer"
            value={percent(line.used)}
            valueBuffer={percent(line.used + line.reserved)}
            sx={{ height: 10, borderRadius: 5, my: 1.5 }}
            aria-label={modeLabel}
          />
          <Stack direction="row" spacing={2}>
            <Figure label={translate('tepei.dashboard.used')} value={line.used} testId={`quota-${mode}-used`} />
            <Figure label={translate('tepei.dashboard.reserved')} value={line.reserved} testId={`quota-${mode}-reserved`} />
            <Figure label={translate('tepei.dashboard.remaining')} value={line.remaining} testId={`quota-${mode}-remaining`} />
          </Stack>
          {ownAreaLine && regionLine ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid={`quota-${mode}-region-remaining`} data-value={regionLine.remaining}>
              {translate('tepei.dashboard.regionRemaining', { remaining: regionLine.remaining, places: regionLine.places })}
            </Typography>
          ) : null}
          <AreaSplit lines={areaLines} mode={mode} />
        </>
      ) : (
        <Typography variant="body2">{translate('tepei.dashboard.empty')}</Typography>
      )}
    </DashboardCard>
  );
};
