// A small read-only table for the lists inside a record (work history, awards, reviews…),
// which have no ids of their own and are never paged.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface Column<Row> {
  /** i18n key of the header. */
  label: string;
  render: (row: Row, index: number) => ReactNode;
  width?: number | string;
}

export function SimpleTable<Row>({ rows, columns, testId }: { rows: readonly Row[] | null | undefined; columns: Column<Row>[]; testId?: string }) {
  const translate = useTranslate();
  if (!rows?.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        {translate('tepei.application.noItems')}
      </Typography>
    );
  }
  return (
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
  );
}
