// 逐项审核: the items a reviewer checks (the sections of forms 2 and 3, health, the evidence),
// each given 符合 / 需修改 / 不符合 and, for the last two, the reason the API requires. Items left
// unmarked are not sent.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReviewFinding } from '../dataProvider/reviews.ts';

/** The items, by the keys under tepei.review.findings.items (stored as the finding's `item`). */
export const findingItems = ['basic', 'education', 'work', 'awards', 'publications', 'health', 'earlierTraining', 'goals', 'hosts', 'evidence'] as const;

const results: ReviewFinding['result'][] = ['PASS', 'NEEDS_CORRECTION', 'FAIL'];
const colours = { PASS: 'success', NEEDS_CORRECTION: 'warning', FAIL: 'error' } as const;

export type Findings = Partial<Record<string, { result: ReviewFinding['result']; comment: string }>>;

/** The findings as the API takes them: marked items only, in the table's order. */
export function findingsInput(findings: Findings): ReviewFinding[] {
  return findingItems.flatMap((item) => {
    const finding = findings[item];
    return finding ? [{ item, result: finding.result, ...(finding.comment.trim() ? { comment: finding.comment.trim() } : {}) }] : [];
  });
}

/** Items judged 需修改 or 不符合 without the reason the API requires. */
export function findingsWithoutReason(findings: Findings): string[] {
  return Object.entries(findings).flatMap(([item, finding]) => (finding && finding.result !== 'PASS' && !finding.comment.trim() ? [item] : []));
}

export const FindingsTable = ({ findings, onChange, showMissing = false }: { findings: Findings; onChange: (findings: Findings) => void; showMissing?: boolean }) => {
  const translate = useTranslate();
  const set = (item: string, change: Partial<{ result: ReviewFinding['result']; comment: string }>) => {
    const current = findings[item];
    const result = change.result ?? current?.result;
    onChange({ ...findings, [item]: result ? { result, comment: change.comment ?? current?.comment ?? '' } : undefined });
  };
  return (
    <Box sx={{ mt: 2 }} data-testid="review-findings">
      <Typography variant="subtitle2">{translate('tepei.review.findings.title')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('tepei.review.findings.hint')}
      </Typography>
      {/* On a phone each item is two lines, its name and conclusion, then the note across the width. */}
      <Table
        size="small"
        sx={{
          mt: 0.5,
          '& thead': { display: { xs: 'none', sm: 'table-header-group' } },
          '& tbody tr': { display: { xs: 'grid', sm: 'table-row' }, gridTemplateColumns: '1fr auto', alignItems: 'center' },
          '& tbody td': { borderBottom: { xs: 'none', sm: undefined } },
          '& tbody td:last-of-type': { gridColumn: { xs: '1 / -1' }, borderBottom: { xs: 1, sm: undefined }, borderColor: { xs: 'divider' } },
        }}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ fontWeight: 600, width: 170 }}>{translate('tepei.review.findings.item')}</TableCell>
            <TableCell sx={{ fontWeight: 600, width: 220 }}>{translate('tepei.review.findings.result')}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{translate('tepei.review.findings.comment')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {findingItems.map((item) => {
            const finding = findings[item];
            return (
              <TableRow key={item} data-testid={`finding-${item}`}>
                <TableCell sx={{ py: 0.5 }}>{translate(`tepei.review.findings.items.${item}`)}</TableCell>
                <TableCell sx={{ py: 0.5 }}>
                  <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={finding?.result ?? null}
                    onChange={(_event, result: ReviewFinding['result'] | null) =>
                      result ? set(item, { result }) : onChange({ ...findings, [item]: undefined })
                    }
                  >
                    {results.map((result) => (
                      <ToggleButton key={result} value={result} color={colours[result]} sx={{ py: 0.25, px: 1, whiteSpace: 'nowrap' }} data-result={result}>
                        {translate(`tepei.enums.FindingResult.${result}`)}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                </TableCell>
                <TableCell sx={{ py: 0.5 }}>
                  <TextField
                    variant="standard"
                    size="small"
                    fullWidth
                    value={finding?.comment ?? ''}
                    disabled={!finding}
                    required={!!finding && finding.result !== 'PASS'}
                    error={showMissing && !!finding && finding.result !== 'PASS' && !finding.comment.trim()}
                    onChange={(event) => set(item, { comment: event.target.value })}
                    slotProps={{ htmlInput: { maxLength: 500, 'data-testid': `finding-${item}-comment`, 'aria-label': translate('tepei.review.findings.comment') } }}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};
