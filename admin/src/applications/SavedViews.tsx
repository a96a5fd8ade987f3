// 常用视图 of the review queue: a reviewer's filters and sort saved under a name and applied with
// one click, kept in this browser per user (localStorage, keyed by username), beside the views
// every reviewer starts with (待我审核, 全部申报).
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useListContext, useNotify, usePermissions, useTranslate, type SortPayload } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { stageOf, stages } from '../reviews/decisions.ts';

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

const oldestFirst: SortPayload = { field: 'submittedAt', order: 'ASC' };

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
  const defaults: SavedView[] = [
    ...(stage ? [{ name: translate('tepei.queue.defaults.waiting'), filter: { statuses: stages[stage].awaiting }, sort: oldestFirst }] : []),
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
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 210, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="saved-views">
      <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="subtitle2" sx={{ px: 1 }}>
          {translate('tepei.queue.savedViews')}
        </Typography>
        <List dense disablePadding>
          {[...defaults, ...saved].map((view, index) => (
            <ListItemButton
              key={`${index}-${view.name}`}
              selected={JSON.stringify(view.filter) === current}
              onClick={() => apply(view)}
              sx={{ borderRadius: 1, pr: index >= defaults.length ? 0.5 : undefined }}
              data-testid="saved-view"
              data-name={view.name}
            >
              <ListItemText primary={view.name} slotProps={{ primary: { noWrap: true } }} />
              {index >= defaults.length ? (
                <IconButton
                  size="small"
                  aria-label={translate('tepei.queue.removeView')}
                  title={translate('tepei.queue.removeView')}
                  onClick={(event) => {
                    event.stopPropagation();
                    update(saved.filter((other) => other.name !== view.name));
                  }}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              ) : null}
            </ListItemButton>
          ))}
        </List>
        {saved.length ? null : (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ px: 1, mt: 0.5 }}>
            {translate('tepei.queue.noViews')}
          </Typography>
        )}
        <Button size="small" startIcon={<BookmarkAddIcon />} onClick={() => setNaming(true)} disabled={!username} sx={{ mt: 1 }} data-testid="save-view">
          {translate('tepei.queue.saveView')}
        </Button>
      </CardContent>
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
    </Card>
  );
};
