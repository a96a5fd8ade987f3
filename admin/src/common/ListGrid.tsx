// Every list's table (react-admin's Datagrid), made the same way for all of them:
// - a row that opens a record is a tab stop, and Enter opens it as a click does, so a keyboard
//   user reaches every record (react-admin's rows take clicks only);
// - the selection checkbox of a row is labelled on its input, where a screen reader reads it
//   (react-admin puts the label on the span around the input, which axe-core reports twice);
// - on a phone, a list that says what its rows are called (`phone`) shows them as simple rows of
//   two or three lines instead of a table wider than the screen.
// Which columns a list shows at which width is the list's own choice (useListWidth).
// A page that reads its rows itself (the host registry, a round's placement) shows them in the
// same grid through LocalListGrid.
import { Checkbox, useMediaQuery, type Theme } from '@mui/material';
import { Children, useCallback, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import {
  Datagrid,
  DatagridBody,
  DatagridRow,
  ListContextProvider,
  SimpleList,
  useList,
  useResourceDefinition,
  useTranslate,
  type DatagridBodyProps,
  type DatagridProps,
  type DatagridRowProps,
  type RaRecord,
  type SimpleListProps,
} from 'react-admin';

/**
 * The window a list lays itself out for: a phone (under 600 px), a laptop (up to 1799 px; at
 * 1280 and 1440 the menu leaves about 1,020 and 1,180 px to the table) or a wide desktop.
 */
export type ListWidth = 'phone' | 'laptop' | 'desktop';

export function useListWidth(): ListWidth {
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const desktop = useMediaQuery<Theme>((theme) => theme.breakpoints.up(1800));
  return phone ? 'phone' : desktop ? 'desktop' : 'laptop';
}

/** A row's checkbox as a cell of its own (react-admin's is replaced, see above). */
type SelectRowCellProps = Pick<DatagridRowProps, 'id' | 'selected' | 'selectable' | 'onToggleItem'> & {
  /** Read by react-admin's cell: its class, column-select. */
  source: string;
};

const SelectRowCell = ({ id, selected, selectable, onToggleItem }: SelectRowCellProps) => {
  const translate = useTranslate();
  const toggle = useCallback(
    (event: MouseEvent) => {
      event.stopPropagation();
      if (selectable && onToggleItem && id !== undefined) onToggleItem(id, event);
    },
    [id, onToggleItem, selectable],
  );
  return (
    <Checkbox
      color="primary"
      className="select-item RaDatagrid-checkbox"
      checked={!!(selectable && selected)}
      disabled={!selectable}
      onClick={toggle}
      slotProps={{ input: { 'aria-label': translate('ra.action.select_row') } }}
      sx={{ m: -1 }}
    />
  );
};

const ListGridRow = (props: DatagridRowProps) => {
  const { hasBulkActions, rowClick, children, id, selected, selectable = true, onToggleItem } = props;
  const { hasShow, hasEdit } = useResourceDefinition();
  const opens = rowClick === undefined ? hasShow || hasEdit : rowClick !== false;
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) event.currentTarget.click();
  }, []);
  const cells = hasBulkActions
    ? [<SelectRowCell key="select" source="select" id={id} selected={selected} selectable={selectable} onToggleItem={onToggleItem} />, ...Children.toArray(children)]
    : children;
  return (
    <DatagridRow {...props} hasBulkActions={false} tabIndex={opens ? 0 : undefined} onKeyDown={opens ? onKeyDown : undefined}>
      {cells}
    </DatagridRow>
  );
};

const ListGridBody = (props: DatagridBodyProps) => <DatagridBody {...props} row={<ListGridRow />} />;

export interface ListGridProps extends Omit<DatagridProps, 'body'> {
  /** The lines of a row on a phone (and what leads it, e.g. its checkbox); without them the table stays a table (for lists narrow enough). */
  phone?: Pick<SimpleListProps, 'primaryText' | 'secondaryText' | 'tertiaryText' | 'leftIcon'>;
  children: ReactNode;
}

export const ListGrid = ({ phone, sx, ...props }: ListGridProps) => {
  const width = useListWidth();
  if (phone && width === 'phone') {
    const rowClick = props.rowClick === false ? false : (props.rowClick ?? 'show');
    // react-admin greys the third line out (opacity 0.54), below the contrast its chips need.
    return (
      <SimpleList
        {...phone}
        rowClick={rowClick as SimpleListProps['rowClick']}
        empty={props.empty}
        className="ListGrid-phone"
        sx={{ '& .RaSimpleList-tertiary': { opacity: 1 } }}
        data-testid={(props as { 'data-testid'?: string })['data-testid']}
      />
    );
  }
  return (
    <Datagrid
      {...props}
      body={ListGridBody}
      sx={[
        // The checkbox cell as react-admin's: as narrow as the header's.
        { '& td.column-select': { width: 0, padding: '0 8px' }, '& .RaDatagrid-row:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 } },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    />
  );
};

/**
 * A ListGrid over rows the page has read itself rather than through the data provider: a table
 * of `rows` (each with an `id`), simple rows on a phone, no row opening a record and no selection.
 */
export const LocalListGrid = ({ rows, ...props }: ListGridProps & { rows: RaRecord[] }) => {
  const list = useList({ data: rows });
  return (
    <ListContextProvider value={list}>
      <ListGrid rowClick={false} bulkActionButtons={false} {...props} />
    </ListContextProvider>
  );
};
