// 导出 Excel of a list the browser writes (the short lists; the applications and the audit log
// the API exports whole in one streamed response, ServerExportButton.tsx): the list's rows in its
// filter and order, up to `exportLimit`, written by xlsxExporter.ts; then a message with the count, and when the list is longer than
// that, how many rows were left out — never a silently shortened file. The rows are read along
// the connection's cursors (allRows.ts), so rows added meanwhile neither repeat nor push others out.
import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button, CreateButton, FilterButton, TopToolbar, useDataProvider, useFilterContext, useListContext, useNotify, useResourceDefinition } from 'react-admin';
import { saveFile } from '../dataProvider/files.ts';
import { exportFileName, xlsxBlob } from './xlsxExporter.ts';

/** Rows one export writes at most (react-admin's own export limit). */
export const exportLimit = 1000;

export const ListExportButton = () => {
  const { filterValues, sort, total, resource } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  const run = async () => {
    setExporting(true);
    try {
      const { data, total: listed } = await dataProvider.getList(resource, { filter: filterValues, sort, pagination: { page: 1, perPage: exportLimit } });
      saveFile({ blob: await xlsxBlob(resource, data), fileName: exportFileName(resource) });
      const whole = Math.max(listed ?? data.length, data.length);
      notify(whole > data.length ? 'tepei.export.shortened' : 'tepei.export.done', {
        type: whole > data.length ? 'warning' : 'info',
        messageArgs: { count: data.length, total: whole },
        autoHideDuration: whole > data.length ? 10_000 : undefined,
      });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button label="ra.action.export" onClick={run} disabled={exporting || total === 0} data-testid="list-export">
      {exporting ? <CircularProgress size={14} /> : <DownloadIcon />}
    </Button>
  );
};

/** react-admin's list actions (filter button, create) with this export, or `exportButton`; `children` go before it. */
export const ExportingListActions = ({ children, exportButton = <ListExportButton /> }: { children?: ReactNode; exportButton?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      {children}
      {exportButton}
    </TopToolbar>
  );
};
