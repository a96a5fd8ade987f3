// 推荐条件核验 at a glance: one badge per rule that did not simply pass, coloured by outcome
// (red 不符合, orange 放宽后符合, blue 需审核人关注), with the outcome and the API's reason on
// hover; "全部符合" when all passed.
import { Chip, Stack, Tooltip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '../enums.ts';
import type { EligibilityResult } from './types.ts';

export type { EligibilityResult };

export const outcomeColours: Record<EligibilityResult['outcome'], ChipProps['color']> = {
  PASSED: 'success',
  RELAXED: 'warning',
  FLAGGED: 'info',
  FAILED: 'error',
};

export const EligibilityBadges = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ eligibility?: EligibilityResult[] }>();
  const translate = useTranslate();
  const results = record?.eligibility ?? [];
  const notable = results.filter((result) => result.outcome !== 'PASSED');
  if (results.length && !notable.length) {
    return <Chip size="small" variant="outlined" color="success" label={translate('tepei.application.eligibility.allPassed')} data-testid="eligibility-badge" data-outcome="PASSED" />;
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {notable.map((result) => (
        <Tooltip key={result.rule} title={`${translate(enumLabelKey('RuleOutcome', result.outcome))}：${result.reason}`}>
          <Chip
            size="small"
            variant={result.outcome === 'FAILED' ? 'filled' : 'outlined'}
            color={outcomeColours[result.outcome]}
            label={translate(enumLabelKey('EligibilityRule', result.rule), { _: result.rule })}
            data-testid="eligibility-badge"
            data-outcome={result.outcome}
          />
        </Tooltip>
      ))}
    </Stack>
  );
};
