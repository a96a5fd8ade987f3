// The official lists of a reviewer's scope, above the queue: the employer unit's 用人单位审核表
// (附件4, to sign, seal and upload per application), the prefecture bureau's 名单汇总表 of its
// area and the regional bureau's of the whole region (附件5, Excel and PDF), and the upload of
// the signed and sealed 汇总表 scan. What a role may not download is not offered; the API
// checks again.
import { Stack } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { usePermissions } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DownloadButton } from '../common/DownloadButton.tsx';
import { UploadButton } from '../common/UploadButton.tsx';
import { useCurrentRound } from '../dashboard/useCurrentRound.ts';
import { areaForm5, regionForm5, unitForm4 } from '../dataProvider/formFiles.ts';
import { uploadForm5Scan } from '../dataProvider/uploads.ts';

const UnitForm4 = ({ unitId, year }: { unitId: string; year: number }) => {
  const path = useQuery({ queryKey: ['forms', 'unitForm4', unitId, year], queryFn: () => unitForm4(unitId, year) });
  return <DownloadButton path={path.data} label="tepei.files.form4" testId="download-form4" />;
};

const SummaryList = ({ areaId, roundId, year, mayUpload }: { areaId: string | null; roundId: string; year: number; mayUpload: boolean }) => {
  const queryClient = useQueryClient();
  const key = ['forms', 'form5', areaId, year];
  const list = useQuery({ queryKey: key, queryFn: () => (areaId ? areaForm5(areaId, year) : regionForm5()) });
  const latestScan = list.data?.scans.at(-1);
  return (
    <>
      <DownloadButton path={list.data?.files?.form5Xlsx} label="tepei.files.form5Xlsx" testId="download-form5-xlsx" />
      <DownloadButton path={list.data?.files?.form5Pdf} label="tepei.files.form5Pdf" testId="download-form5-pdf" />
      {mayUpload ? (
        <UploadButton
          label="tepei.files.uploadForm5Scan"
          upload={(file) => uploadForm5Scan(roundId, areaId, file)}
          onUploaded={() => queryClient.invalidateQueries({ queryKey: key })}
          testId="upload-form5-scan"
        />
      ) : null}
      {latestScan?.downloadUrl ? <DownloadButton path={latestScan.downloadUrl} label={latestScan.fileName} variant="text" testId="download-form5-scan" /> : null}
    </>
  );
};

export const QueueFormFiles = () => {
  const { permissions } = usePermissions<Permissions>();
  const round = useCurrentRound();
  if (!permissions || !round.data) return null;
  const { role, unit, area } = permissions;
  const year = round.data.year;
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" data-testid="queue-form-files">
      {role === 'EMPLOYER' && unit ? <UnitForm4 unitId={unit.id} year={year} /> : null}
      {role === 'PREFECTURE' && area ? <SummaryList areaId={area.id} roundId={round.data.id} year={year} mayUpload /> : null}
      {role === 'REGIONAL' || role === 'ANALYST' ? <SummaryList areaId={null} roundId={round.data.id} year={year} mayUpload={role === 'REGIONAL'} /> : null}
    </Stack>
  );
};
