// Each mode's places split over 地州市、兵团 and 自治区厅（局）(our design, DOMAIN.md "Quotas"):
// one row per area, the totals added up while typing, and a refusal as soon as a mode's shares
// exceed its places. Used / reserved / remaining come from quotaUsage for each allocated area.
import { Alert, Button, Card, CardContent, CardHeader, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, TextField } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import type { QuotaLine } from '../dataProvider/aggregates.ts';
import { saveAllocations, type AllocationChange, type TrainingMode } from './quotaMutations.ts';
import { lineOf, modes, parsePlaces, placesOf, type QuotaArea, type QuotaRound } from './types.ts';

interface Props {
  round: QuotaRound;
  areas: QuotaArea[];
  usage: QuotaLine[];
  canEdit: boolean;
  onSaved: () => Promise<unknown>;
}

const cellKey = (mode: TrainingMode, areaId: string) => `${mode}:${areaId}`;

export const AreaAllocationCard = ({ round, areas, usage, canEdit, onSaved }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  // Only what the admin typed; every other cell shows what the API holds now, so a share
  // another admin saved meanwhile is counted in the totals after the next read.
  const [edits, setEdits] = useState<Record<string, string>>({});

  const previous = (mode: TrainingMode, areaId: string) => lineOf(usage, mode, areaId)?.places ?? null;
  const draft = (mode: TrainingMode, areaId: string) => edits[cellKey(mode, areaId)] ?? String(previous(mode, areaId) ?? '');
  const total = (mode: TrainingMode) => areas.reduce((sum, area) => sum + (parsePlaces(draft(mode, area.id)) ?? 0), 0);
  const cellProblem = (mode: TrainingMode, areaId: string): boolean => {
    const text = draft(mode, areaId);
    // An area without a share may stay without one; a share, once set, cannot be emptied.
    if (text.trim() === '') return previous(mode, areaId) !== null;
    return parsePlaces(text) === null;
  };
  const refusals = modes
    .filter((mode) => total(mode) > placesOf(round, mode))
    .map((mode) => translate('tepei.admin.quotas.exceeds', { mode: translate(`tepei.enums.TrainingMode.${mode}`), total: total(mode), places: placesOf(round, mode) }));
  const invalid = areas.some((area) => modes.some((mode) => cellProblem(mode, area.id)));
  const changes: AllocationChange[] = areas.flatMap((area) =>
    modes.flatMap((mode) => {
      const places = parsePlaces(draft(mode, area.id));
      const before = previous(mode, area.id);
      return places !== null && places !== before ? [{ mode, areaId: area.id, places, previous: before ?? 0 }] : [];
    }),
  );

  const mutation = useMutation({
    mutationFn: () => saveAllocations(round.id, changes),
    onSuccess: async () => {
      notify('tepei.admin.quotas.allocationSaved', { type: 'success', messageArgs: { count: changes.length } });
      await onSaved();
      setEdits({});
    },
    // Part of the changes may have been saved before the refusal: show what the API now holds.
    onError: () => onSaved(),
  });

  const usageCells = (mode: TrainingMode, areaId: string) => {
    const line = lineOf(usage, mode, areaId);
    return ['used', 'reserved', 'remaining'].map((key) => (
      <TableCell key={key} align="right" sx={{ color: 'text.secondary' }} data-testid={`usage-${mode}-${areaId}-${key}`}>
        {line ? line[key as 'used' | 'reserved' | 'remaining'] : '—'}
      </TableCell>
    ));
  };

  return (
    <Card data-testid="area-allocation">
      <CardHeader title={translate('tepei.admin.quotas.areaAllocation')} subheader={translate('tepei.admin.quotas.areaAllocationHint')} />
      <CardContent>
        <ScrollRegion label={translate('tepei.admin.quotas.areaAllocation')}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                <TableCell rowSpan={2}>{translate('resources.areas.name', { smart_count: 1 })}</TableCell>
                {modes.map((mode) => (
                  <TableCell key={mode} colSpan={4} align="center" sx={{ fontWeight: 600 }}>
                    {translate(`tepei.enums.TrainingMode.${mode}`)}
                  </TableCell>
                ))}
              </TableRow>
              <TableRow>
                {modes.flatMap((mode) =>
                  ['allocation', 'used', 'reserved', 'remaining'].map((key) => (
                    <TableCell key={`${mode}-${key}`} align={key === 'allocation' ? 'left' : 'right'} sx={{ whiteSpace: 'nowrap' }}>
                      {translate(`tepei.admin.quotas.${key}`)}
                    </TableCell>
                  )),
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {areas.map((area) => (
                <TableRow key={area.id} data-testid={`allocation-row-${area.code}`}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{area.name}</TableCell>
                  {modes.flatMap((mode) => [
                    <TableCell key={`${mode}-input`} sx={{ py: 0.5 }}>
                      <TextField
                        value={draft(mode, area.id)}
                        onChange={(event) => setEdits((current) => ({ ...current, [cellKey(mode, area.id)]: event.target.value }))}
                        disabled={!canEdit}
                        error={cellProblem(mode, area.id)}
                        placeholder={translate('tepei.admin.quotas.noShare')}
                        size="small"
                        sx={{ width: 110 }}
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `allocation-${mode}-${area.code}`, 'aria-label': `${area.name}${translate(`tepei.enums.TrainingMode.${mode}`)}` } }}
                      />
                    </TableCell>,
                    ...usageCells(mode, area.id),
                  ])}
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{translate('tepei.admin.quotas.total')}</TableCell>
                {modes.map((mode) => {
                  const over = total(mode) > placesOf(round, mode);
                  return (
                    <TableCell key={mode} colSpan={4} sx={{ fontWeight: 600, color: over ? 'error.main' : 'text.primary' }} data-testid={`allocation-total-${mode}`} data-total={total(mode)}>
                      {translate('tepei.admin.quotas.totalOf', { total: total(mode), places: placesOf(round, mode), left: Math.max(placesOf(round, mode) - total(mode), 0) })}
                    </TableCell>
                  );
                })}
              </TableRow>
            </TableFooter>
          </Table>
        </ScrollRegion>
        {refusals.length ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="allocation-refusal">
            {refusals.join('；')}
          </Alert>
        ) : null}
        {mutation.error ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="allocation-error">
            {translate('tepei.admin.quotas.refusedByApi', { message: mutation.error.message })}
          </Alert>
        ) : null}
        {canEdit ? (
          <Button
            sx={{ mt: 2 }}
            variant="contained"
            startIcon={<SaveIcon />}
            disabled={!changes.length || refusals.length > 0 || invalid || mutation.isPending}
            onClick={() => mutation.mutate()}
            data-testid="allocation-save"
          >
            {translate('tepei.admin.quotas.saveAllocation', { count: changes.length })}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
};
