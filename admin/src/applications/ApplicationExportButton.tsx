// 导出 Excel of the whole filtered queue: one download of the API's export
// (GET /files/exports/applications.xlsx), which reads the list as the queue's own query does —
// the same filter and sort, the reader's row rules, analysts' identifiers masked — and streams
// the workbook, instead of the browser fetching the list page after page.
import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress } from '@mui/material';
import { Button, useListContext, useNotify } from 'react-admin';
import { applicationListExportPath } from '../../../api/src/modules/exports/application-list-sheet.ts';
import { useDownload } from '../common/DownloadButton.tsx';
import { resourceSpec } from '../dataProvider/resources.ts';

export const ApplicationExportButton = () => {
  const { filterValues, sort, total } = useListContext();
  const download = useDownload();
  const notify = useNotify();
  const path = () => applicationListExportPath(resourceSpec('applications').toArguments(filterValues, sort) as Parameters<typeof applicationListExportPath>[0]);
  return (
    <Button
      label={download.isPending ? 'tepei.queue.exporting' : 'tepei.queue.export'}
      onClick={() =>
        download.mutate(path(), {
          // The count the API wrote (x-total-count), so that the reviewer knows the file is the whole list.
          onSuccess: (file) => notify('tepei.queue.exported', { type: 'info', messageArgs: { count: file.rowCount ?? total ?? 0 } }),
        })
      }
      disabled={download.isPending || total === 0}
      sx={{ textTransform: 'none' }}
      data-testid="export-applications"
    >
      {download.isPending ? <CircularProgress size={14} /> : <DownloadIcon />}
    </Button>
  );
};
