// A small read-only table for the lists inside a record (work history, awards, reviews…),
// which have no ids of their own and are never paged.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ScrollRegion } from './ScrollRegion.tsx';

export interface Column<Row> {
  /** i18n key of the header. */
  label: string;
  render: (row: Row, index: number) => ReactNode;
  width?: number | string;
}

/** `label` names the table for a screen reader when it scrolls (a phone); its column headers unless told. */
export function SimpleTable<Row>({ rows, columns, testId, label }: { rows: readonly Row[] | null | undefined; columns: Column<Row>[]; testId?: string; label?: string }) {
  const translate = useTranslate();
  if (!rows?.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        {translate('tepei.application.noItems')}
      </Typography>
    );
  }
  return (
    <ScrollRegion label={label ?? columns.map((column) => translate(column.label)).join(' / ')}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.label} sx={{ width: column.width, fontWeight: 600, whiteSpace: 'nowrap' }}>
                {translate(column.label)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={index}>
              {columns.map((column) => (
                <TableCell key={column.label} sx={{ verticalAlign: 'top' }}>
                  {column.render(row, index)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
