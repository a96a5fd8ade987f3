// 下载结业名单 of a round (regional admin and analysts): the API hands out the path of the round's
// completion list (Round.completionListXlsx) when asked, and the file follows.
import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { useDownload } from '../common/DownloadButton.tsx';
import { completionListPath } from './trainingRequests.ts';

export const CompletionListButton = () => {
  const record = useRecordContext<{ id: string; year: number }>();
  const { permissions } = usePermissions<Permissions>();
  const t = useTranslate();
  const download = useDownload();
  if (!record || (permissions?.role !== 'REGIONAL' && permissions?.role !== 'ANALYST')) return null;
  const fetchAndSave = async () => {
    const path = await completionListPath(record.id);
    if (path) download.mutate(path);
  };
  return (
    <Button
      size="small"
      onClick={() => void fetchAndSave()}
      disabled={download.isPending}
      startIcon={download.isPending ? <CircularProgress size={14} /> : <DownloadIcon />}
      data-testid={`completion-list-${record.year}`}
    >
      {t('tepei.lifecycle.completion.completionList')}
    </Button>
  );
};
