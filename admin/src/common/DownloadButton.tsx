// A button that downloads one of the API's files (forms, scans) with the session's token; the
// API's refusal is shown in its own Chinese words.
import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress, type ButtonProps } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../dataProvider/files.ts';

export interface DownloadButtonProps {
  /** The path the API handed out, e.g. Application.formFiles.form2Pdf. */
  path: string | null | undefined;
  /** i18n key, or text. */
  label: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  testId?: string;
}

/** Downloads a path of the API on `mutate(path)`, telling the user in Chinese when refused. */
export function useDownload() {
  const notify = useNotify();
  return useMutation({
    mutationFn: (path: string) => downloadFile(path),
    onError: (error: Error) => notify(error.message, { type: 'error', autoHideDuration: 8000 }),
  });
}

export const DownloadButton = ({ path, label, size = 'small', variant = 'outlined', testId }: DownloadButtonProps) => {
  const translate = useTranslate();
  const download = useDownload();
  return (
    <Button
      size={size}
      variant={variant}
      disabled={!path || download.isPending}
      onClick={() => path && download.mutate(path)}
      startIcon={download.isPending ? <CircularProgress size={14} /> : <DownloadIcon />}
      data-testid={testId}
      data-path={path ?? undefined}
    >
      {translate(label, { _: label })}
    </Button>
  );
};
