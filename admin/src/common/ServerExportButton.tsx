// 导出 Excel of a whole list, as the API exports every list (GET /files/exports/<list>.xlsx): one
// download that reads the list as its connection does — the same filter and sort, the reader's
// row rules, what is masked for the reader masked — and streams the workbook, however long the
// list; the browser never fetches the list page after page to write a file itself.
import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress } from '@mui/material';
import { Button, useListContext, useNotify } from 'react-admin';
import { resourceSpec } from '../dataProvider/resources.ts';
import { useDownload } from './DownloadButton.tsx';

export interface ServerExportButtonProps {
  /** The list's path (its `<list>-sheet.ts` in the API) for the connection's arguments. */
  exportPath: (args: Record<string, unknown>) => string;
  /** i18n key of the button's label. */
  label?: string;
  testId?: string;
}

export const ServerExportButton = ({ exportPath, label = 'ra.action.export', testId }: ServerExportButtonProps) => {
  const { filterValues, sort, total, resource } = useListContext();
  const download = useDownload();
  const notify = useNotify();
  const path = () => exportPath(resourceSpec(resource).toArguments(filterValues, sort));
  return (
    <Button
      label={download.isPending ? 'tepei.export.exporting' : label}
      onClick={() =>
        download.mutate(path(), {
          // The count the API wrote (x-total-count), so that the reader knows the file is the whole list.
          onSuccess: (file) => notify('tepei.export.done', { type: 'info', messageArgs: { count: file.rowCount ?? total ?? 0 } }),
        })
      }
      disabled={download.isPending || total === 0}
      sx={{ textTransform: 'none' }}
      data-testid={testId}
    >
      {download.isPending ? <CircularProgress size={14} /> : <DownloadIcon />}
    </Button>
  );
};
