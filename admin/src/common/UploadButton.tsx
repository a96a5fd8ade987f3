// A button that asks for one file (a signed and sealed scan) and sends it to the API; the
// API's refusal (wrong type, too large, not in review any more…) is shown in its words.
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, CircularProgress } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { UploadedDocument } from '../dataProvider/uploads.ts';

export interface UploadButtonProps {
  label: string;
  upload: (file: File) => Promise<UploadedDocument>;
  onUploaded?: (document: UploadedDocument) => void;
  testId?: string;
}

/** What the API accepts (documents/file-content.ts sniffs the content all the same). */
const accepted = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

export const UploadButton = ({ label, upload, onUploaded, testId }: UploadButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: upload,
    onSuccess: (document) => {
      notify(translate('tepei.files.uploaded', { name: document.fileName }), { type: 'success' });
      onUploaded?.(document);
    },
    onError: (error: Error) => notify(error.message, { type: 'error', autoHideDuration: 8000 }),
  });
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        disabled={mutation.isPending}
        onClick={() => input.current?.click()}
        startIcon={mutation.isPending ? <CircularProgress size={14} /> : <UploadFileIcon />}
        title={translate('tepei.files.uploadHint')}
        data-testid={testId}
      >
        {translate(label)}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accepted}
        hidden
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) mutation.mutate(file);
        }}
      />
    </>
  );
};
