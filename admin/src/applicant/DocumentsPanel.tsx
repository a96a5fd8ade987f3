// 一寸照片与证明材料: uploaded to a saved application (uploadApplicationPhoto, uploadEvidence);
// the API sniffs the content (PDF, JPEG, PNG) and refuses anything else in Chinese.
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';
import { formatDateTime } from '../common/format.ts';
import { Section } from '../common/Section.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import { uploadEvidence, uploadPhoto } from './applicantRequests.ts';

export interface ApplicationDocument {
  id: string;
  kind: 'PHOTO' | 'EVIDENCE' | 'FORM4_SCAN' | 'FORM5_SCAN';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A button that opens the file chooser and uploads the chosen file. */
const UploadButton = ({ label, accept, testId, upload }: { label: string; accept: string; testId: string; upload: (file: File) => Promise<void> }) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      await upload(file);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input ref={input} type="file" accept={accept} hidden onChange={chosen} data-testid={testId} />
      <Button variant="outlined" size="small" disabled={busy} onClick={() => input.current?.click()}>
        {translate(label)}
      </Button>
    </>
  );
};

export const DocumentsPanel = ({ onChange }: { onChange: () => void }) => {
  const record = useRecordContext<ApplicationRecord & { documents: ApplicationDocument[] }>();
  const translate = useTranslate();
  const notify = useNotify();
  const [title, setTitle] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!record) return null;
  const documents = record.documents ?? [];
  const photo = documents.find((document) => document.kind === 'PHOTO');
  const evidence = documents.filter((document) => document.kind === 'EVIDENCE');

  const run = (call: () => Promise<unknown>) => async (file: File) => {
    setRefusal(null);
    try {
      await call();
      notify('tepei.applicant.documents.uploaded', { type: 'success', messageArgs: { name: file.name } });
      onChange();
    } catch (error) {
      setRefusal((error as Error).message);
    }
  };

  return (
    <Section title="tepei.applicant.documents.title">
      <Box data-testid="documents-panel">
        {refusal ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="upload-error">
            {refusal}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }} useFlexGap flexWrap="wrap">
          <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 80 }}>
            {translate('tepei.applicant.documents.photo')}
          </Typography>
          <Typography variant="body2" data-testid="photo-name">
            {photo ? photo.fileName : translate('tepei.applicant.documents.none')}
          </Typography>
          <UploadButton
            label="tepei.applicant.documents.uploadPhoto"
            accept="image/jpeg,image/png"
            testId="photo-file"
            upload={(file) => run(() => uploadPhoto(record.id, file))(file)}
          />
          <Typography variant="caption" color="text.secondary">
            {translate('tepei.applicant.documents.photoHint')}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }} useFlexGap flexWrap="wrap">
          <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 80 }}>
            {translate('tepei.applicant.documents.evidence')}
          </Typography>
          <TextField
            size="small"
            label={translate('tepei.applicant.documents.evidenceTitle')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            inputProps={{ 'data-testid': 'evidence-title' }}
            sx={{ width: 320 }}
          />
          <UploadButton
            label="tepei.applicant.documents.uploadEvidence"
            accept="application/pdf,image/jpeg,image/png"
            testId="evidence-file"
            upload={(file) =>
              run(async () => {
                await uploadEvidence(record.id, file, title);
                setTitle('');
              })(file)
            }
          />
        </Stack>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {translate('tepei.applicant.documents.evidenceHint')}
        </Typography>
        <SimpleTable
          testId="evidence-list"
          rows={evidence}
          columns={[
            { label: 'tepei.applicant.documents.fileName', render: (row) => row.fileName },
            { label: 'tepei.applicant.documents.size', width: 100, render: (row) => size(row.sizeBytes) },
            { label: 'tepei.applicant.documents.uploadedAt', width: 160, render: (row) => formatDateTime(row.uploadedAt) },
          ]}
        />
      </Box>
    </Section>
  );
};
