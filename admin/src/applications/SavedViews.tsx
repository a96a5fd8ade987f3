// 常用视图 of the review queue, a row above the list: a reviewer's filters and sort saved under a
// name and applied with one click, kept in this browser per user (localStorage, keyed by username), beside the views
// every reviewer starts with (待我审核 in the current round, as the list opens; 全部申报 of every round).
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetIdentity, useListContext, useNotify, usePermissions, useTranslate, type SortPayload } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { currentRound } from '../dataProvider/aggregates.ts';
import { queueSort, stageOf, stages } from '../reviews/decisions.ts';

export interface SavedView {
  name: string;
  filter: Record<string, unknown>;
  sort: SortPayload;
}

const storageKey = (username: string) => `tepei.savedViews.${username}`;

export function readViews(username: string): SavedView[] {
  try {
    const stored = localStorage.getItem(storageKey(username));
    return stored ? (JSON.parse(stored) as SavedView[]) : [];
  } catch {
    return [];
  }
}

function writeViews(username: string, views: SavedView[]): void {
  localStorage.setItem(storageKey(username), JSON.stringify(views));
}

// The queue's default order (decisions.ts).
const oldestFirst: SortPayload = { ...queueSort };

export const SavedViews = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const { filterValues, sort, setFilters, setSort } = useListContext();
  const username = String(identity?.username ?? identity?.id ?? '');
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const saved = views ?? (username ? readViews(username) : []);
  const stage = stageOf(permissions?.role);
  const round = useQuery({ queryKey: ['rounds', 'current'], queryFn: currentRound });
  const inRound = round.data ? { roundYear: round.data.year } : {};
  const defaults: SavedView[] = [
    ...(stage ? [{ name: translate('tepei.queue.defaults.waiting'), filter: { statuses: stages[stage].awaiting, ...inRound }, sort: oldestFirst }] : []),
    { name: translate('tepei.queue.defaults.all'), filter: {}, sort: oldestFirst },
  ];

  const apply = (view: SavedView) => {
    setFilters(view.filter, {});
    setSort(view.sort);
  };
  const update = (next: SavedView[]) => {
    writeViews(username, next);
    setViews(next);
  };
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    update([...saved.filter((view) => view.name !== trimmed), { name: trimmed, filter: filterValues, sort }]);
    notify(translate('tepei.queue.viewSaved', { name: trimmed }), { type: 'success' });
    setNaming(false);
    setName('');
  };
  const current = JSON.stringify(filterValues);

  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid="saved-views">
      <Typography variant="body2" color="text.secondary">
        {translate('tepei.queue.savedViews')}：
      </Typography>
      {[...defaults, ...saved].map((view, index) => (
        <Chip
          key={`${index}-${view.name}`}
          size="small"
          label={view.name}
          color={JSON.stringify(view.filter) === current ? 'primary' : 'default'}
          variant={JSON.stringify(view.filter) === current ? 'filled' : 'outlined'}
          onClick={() => apply(view)}
          onDelete={index >= defaults.length ? () => update(saved.filter((other) => other.name !== view.name)) : undefined}
          deleteIcon={index >= defaults.length ? <DeleteIcon aria-label={translate('tepei.queue.removeView')} /> : undefined}
          data-testid="saved-view"
          data-name={view.name}
        />
      ))}
      <Button size="small" startIcon={<BookmarkAddIcon />} onClick={() => setNaming(true)} disabled={!username} title={translate('tepei.queue.noViews')} data-testid="save-view">
        {translate('tepei.queue.saveView')}
      </Button>
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('tepei.queue.saveView')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            variant="standard"
            label={translate('tepei.queue.viewName')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => (event.key === 'Enter' ? save() : undefined)}
            slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'save-view-name' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>{translate('tepei.review.cancel')}</Button>
          <Button variant="contained" onClick={save} disabled={!name.trim()} data-testid="save-view-confirm">
            {translate('tepei.review.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
