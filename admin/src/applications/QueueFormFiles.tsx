// The official lists of a reviewer's scope, above the queue: the employer unit's 用人单位审核表
// (附件4, to sign, seal and upload per application), the prefecture bureau's 名单汇总表 of its
// area and the regional bureau's of the whole region (附件5, Excel or PDF, in one menu), and the
// upload of the signed and sealed 汇总表 scan. What a role may not download is not offered;
// the API checks again.
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress, ListItemIcon, ListItemText, Menu, MenuItem, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DownloadButton, useDownload } from '../common/DownloadButton.tsx';
import { UploadButton } from '../common/UploadButton.tsx';
import { useCurrentRound } from '../dashboard/useCurrentRound.ts';
import { areaForm5, regionForm5, unitForm4 } from '../dataProvider/formFiles.ts';
import { uploadForm5Scan } from '../dataProvider/uploads.ts';

const UnitForm4 = ({ unitId, year }: { unitId: string; year: number }) => {
  const path = useQuery({ queryKey: ['forms', 'unitForm4', unitId, year], queryFn: () => unitForm4(unitId, year) });
  return <DownloadButton path={path.data} label="tepei.files.form4" testId="download-form4" />;
};

const SummaryList = ({ areaId, roundId, year, mayUpload }: { areaId: string | null; roundId: string; year: number; mayUpload: boolean }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const download = useDownload();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const key = ['forms', 'form5', areaId, year];
  const list = useQuery({ queryKey: key, queryFn: () => (areaId ? areaForm5(areaId, year) : regionForm5()) });
  const latestScan = list.data?.scans.at(-1);
  const items = [
    { label: 'tepei.files.form5Xlsx', path: list.data?.files?.form5Xlsx, testId: 'download-form5-xlsx' },
    { label: 'tepei.files.form5Pdf', path: list.data?.files?.form5Pdf, testId: 'download-form5-pdf' },
    ...(latestScan?.downloadUrl ? [{ label: 'tepei.files.scans', path: latestScan.downloadUrl, testId: 'download-form5-scan' }] : []),
  ];
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={download.isPending ? <CircularProgress size={14} /> : <DownloadIcon />}
        endIcon={<ArrowDropDownIcon />}
        disabled={!list.data?.files}
        data-testid="summary-list-menu"
      >
        {translate(areaId ? 'tepei.files.summaryList' : 'tepei.files.regionSummaryList')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {items.map((item) => (
          <MenuItem
            key={item.testId}
            disabled={!item.path}
            onClick={() => {
              setAnchor(null);
              if (item.path) download.mutate(item.path);
            }}
            data-testid={item.testId}
          >
            <ListItemIcon>
              <DownloadIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{translate(item.label)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
      {mayUpload ? (
        <UploadButton
          label="tepei.files.uploadForm5Scan"
          upload={(file) => uploadForm5Scan(roundId, areaId, file)}
          onUploaded={() => queryClient.invalidateQueries({ queryKey: key })}
          testId="upload-form5-scan"
        />
      ) : null}
      {latestScan ? (
        <Typography variant="caption" color="text.secondary" data-testid="form5-scan-uploaded" title={latestScan.fileName}>
          {translate('tepei.files.uploaded', { name: latestScan.fileName })}
        </Typography>
      ) : null}
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
