// The signed scans the regional decision still lacks (附件4 of the unit, 附件5 of the area),
// one badge each — "缺附件4扫描件" — with the scan's full name on hover; nothing when complete.
// The API computes the list with the rule the selection checks (Application.missingSignedScans).
import { Chip, Stack, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '../enums.ts';
import type { ApplicationRecord } from './types.ts';

export const MissingScanBadges = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Pick<ApplicationRecord, 'missingSignedScans'>>();
  const translate = useTranslate();
  const missing = record?.missingSignedScans ?? [];
  if (!missing.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {missing.map((kind) => (
        <Tooltip key={kind} title={translate(enumLabelKey('SignedScanKind', kind))}>
          <Chip size="small" variant="outlined" color="warning" label={translate(`tepei.application.missingScan.${kind}`)} data-testid="missing-scan-badge" data-kind={kind} />
        </Tooltip>
      ))}
    </Stack>
  );
};
