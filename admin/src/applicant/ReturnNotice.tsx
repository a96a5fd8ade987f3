// 退回修改: when a reviewer returned the application, their comment and item-by-item findings
// stand above everything else on the applicant's pages.
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';
import { formatDateTime } from '../common/format.ts';
import { latestReturn as latestReturnOf, useFindingLabel } from './returnedFindings.tsx';

export const ReturnNotice = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const findingLabel = useFindingLabel();
  if (record?.status !== 'RETURNED_TO_APPLICANT') return null;
  const latestReturn = latestReturnOf(record);
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="return-notice">
      <AlertTitle>{translate('tepei.applicant.returned.title')}</AlertTitle>
      <Typography variant="body2">{translate('tepei.applicant.returned.intro')}</Typography>
      {latestReturn ? (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('tepei.applicant.returned.by', {
              stage: translate(`tepei.enums.ReviewStage.${latestReturn.stage}`),
              at: formatDateTime(latestReturn.decidedAt),
            })}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="return-comment">
            {latestReturn.comment}
          </Typography>
          {latestReturn.findings.filter((finding) => finding.result !== 'PASS').length ? (
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {latestReturn.findings
                .filter((finding) => finding.result !== 'PASS')
                .map((finding) => (
                  <li key={finding.item}>
                    <Typography variant="body2">
                      {findingLabel(finding.item)}：
                      {translate(`tepei.enums.FindingResult.${finding.result}`)}
                      {finding.comment ? `（${finding.comment}）` : ''}
                    </Typography>
                  </li>
                ))}
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Alert>
  );
};
