// A step taken for several records at once (批量审核, 批量登记训前培训…): each record goes through
// its own mutation, one after the other, so the API checks each and a refusal stops only that
// one; the progress, the count of successes and each refusal in the API's words are shown in
// the dialog that asked for the step.
import { Alert, LinearProgress, List, ListItem, ListItemText } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

export interface OneByOneOutcome {
  done: number;
  succeeded: number;
  failures: { id: string; name: string; message: string }[];
}

/** `run(rows, send)` sends each row in turn; `outcome` is null until a run starts. */
export function useOneByOne<Row extends { id: string; name: string }>() {
  const [outcome, setOutcome] = useState<OneByOneOutcome | null>(null);
  const [running, setRunning] = useState(false);
  const run = async (rows: readonly Row[], send: (row: Row) => Promise<unknown>) => {
    setRunning(true);
    const result: OneByOneOutcome = { done: 0, succeeded: 0, failures: [] };
    setOutcome({ ...result });
    for (const row of rows) {
      try {
        await send(row);
        result.succeeded += 1;
      } catch (error) {
        result.failures.push({ id: row.id, name: row.name, message: (error as Error).message });
      }
      result.done += 1;
      setOutcome({ ...result, failures: [...result.failures] });
    }
    setRunning(false);
  };
  return { outcome, running, run, reset: () => setOutcome(null) };
}

/** The run's progress, then its result and refusals; `testId` prefixes their test hooks (`-result`, `-failures`). */
export const OneByOneReport = ({ outcome, running, count, testId }: { outcome: OneByOneOutcome; running: boolean; count: number; testId: string }) => {
  const translate = useTranslate();
  return (
    <>
      {running ? <LinearProgress variant="determinate" value={count ? (outcome.done / count) * 100 : 100} sx={{ mt: 2 }} /> : null}
      <Alert severity={outcome.failures.length ? 'warning' : 'success'} sx={{ mt: 2 }} data-testid={`${testId}-result`} data-succeeded={outcome.succeeded} data-failed={outcome.failures.length}>
        {running ? translate('tepei.bulk.running', { done: outcome.done, count }) : translate('tepei.bulk.result', { succeeded: outcome.succeeded, failed: outcome.failures.length })}
      </Alert>
      {outcome.failures.length ? (
        <List dense subheader={<li>{translate('tepei.bulk.failures')}</li>} data-testid={`${testId}-failures`}>
          {outcome.failures.map((failure) => (
            <ListItem key={failure.id} disableGutters>
              <ListItemText primary={failure.name} secondary={failure.message} />
            </ListItem>
          ))}
        </List>
      ) : null}
    </>
  );
};
