// 表格与材料 of one application: forms 2 and 3 as PDF, the unit's form 4, the files uploaded
// with it (photo, evidence, the signed form-4 scan) to download, and — for the employer unit —
// the upload of the signed and sealed form-4 scan. Paths and links come from the API.
import { Box, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DownloadButton } from '../common/DownloadButton.tsx';
import { EnumText } from '../common/EnumField.tsx';
import { formatDateTime } from '../common/format.ts';
import { Section } from '../common/Section.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import { UploadButton } from '../common/UploadButton.tsx';
import { applicationFiles, unitForm4 } from '../dataProvider/formFiles.ts';
import { uploadForm4Scan } from '../dataProvider/uploads.ts';
import type { ApplicationRecord } from './types.ts';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const UnitForm4 = ({ unitId, year }: { unitId: string; year: number }) => {
  const path = useQuery({ queryKey: ['forms', 'unitForm4', unitId, year], queryFn: () => unitForm4(unitId, year) });
  return <DownloadButton path={path.data} label="tepei.files.form4" testId="download-form4" />;
};

export const ApplicationFiles = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<Permissions>();
  const key = ['forms', 'applicationFiles', record?.id];
  const files = useQuery({ queryKey: key, queryFn: () => applicationFiles(record!.id), enabled: !!record });
  if (!record) return null;
  const role = permissions?.role;
  return (
    <Box data-testid="application-files">
      <Section title="tepei.files.forms">
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          <DownloadButton path={files.data?.form2Pdf} label="tepei.files.form2" testId="download-form2" />
          <DownloadButton path={files.data?.form3Pdf} label="tepei.files.form3" testId="download-form3" />
          {role && role !== 'APPLICANT' ? <UnitForm4 unitId={record.unit.id} year={record.round.year} /> : null}
        </Stack>
      </Section>
      <Section title="tepei.files.documents">
        {role === 'EMPLOYER' ? (
          <Box sx={{ mb: 1.5 }}>
            <UploadButton
              label="tepei.files.uploadForm4Scan"
              upload={(file) => uploadForm4Scan(record.id, file)}
              onUploaded={() => queryClient.invalidateQueries({ queryKey: key })}
              testId="upload-form4-scan"
            />
          </Box>
        ) : null}
        <SimpleTable
          testId="documents"
          rows={files.data?.documents}
          columns={[
            { label: 'tepei.files.kind', width: 220, render: (row) => <EnumText enum="DocumentKind" value={row.kind} /> },
            { label: 'tepei.files.fileName', render: (row) => row.fileName },
            { label: 'tepei.files.size', width: 90, render: (row) => size(row.sizeBytes) },
            { label: 'tepei.files.uploadedBy', width: 120, render: (row) => row.uploadedByName },
            { label: 'tepei.files.uploadedAt', width: 150, render: (row) => formatDateTime(row.uploadedAt) },
            {
              label: 'tepei.files.download',
              width: 110,
              render: (row) =>
                row.downloadUrl ? (
                  <DownloadButton path={row.downloadUrl} label="tepei.files.download" variant="text" testId={`download-document-${row.kind}`} />
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {translate('tepei.files.noContent')}
                  </Typography>
                ),
            },
          ]}
        />
      </Section>
    </Box>
  );
};
