// 一寸照片与证明材料: uploaded to a saved application (uploadApplicationPhoto, uploadEvidence);
// the API sniffs the content (PDF, JPEG, PNG) and refuses anything else in Chinese.
import { Box, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';
import { formatDateTime } from '../common/format.ts';
import { Section } from '../common/Section.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import { UploadButton } from '../common/UploadButton.tsx';
import { uploadEvidence, uploadPhoto } from './applicantRequests.ts';
import { ApplicationPhoto } from './ApplicationPhoto.tsx';

export interface ApplicationDocument {
  id: string;
  kind: 'PHOTO' | 'EVIDENCE' | 'FORM4_SCAN' | 'FORM5_SCAN';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export const DocumentsPanel = ({ onChange }: { onChange: () => void }) => {
  const record = useRecordContext<ApplicationRecord & { documents: ApplicationDocument[] }>();
  const translate = useTranslate();
  const [title, setTitle] = useState('');
  if (!record) return null;
  const documents = record.documents ?? [];
  const photo = documents.find((document) => document.kind === 'PHOTO');
  const evidence = documents.filter((document) => document.kind === 'EVIDENCE');

  return (
    <Section title="tepei.applicant.documents.title">
      <Box data-testid="documents-panel">
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }} useFlexGap flexWrap="wrap">
          <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 80 }}>
            {translate('tepei.applicant.documents.photo')}
          </Typography>
          <ApplicationPhoto applicationId={record.id} photoId={photo?.id} />
          <Typography variant="body2" data-testid="photo-name">
            {photo ? photo.fileName : translate('tepei.applicant.documents.none')}
          </Typography>
          <UploadButton label="tepei.applicant.documents.uploadPhoto" testId="photo-upload" upload={(file) => uploadPhoto(record.id, file)} onUploaded={onChange} />
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
            testId="evidence-upload"
            upload={(file) => uploadEvidence(record.id, file, title)}
            onUploaded={() => {
              setTitle('');
              onChange();
            }}
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
