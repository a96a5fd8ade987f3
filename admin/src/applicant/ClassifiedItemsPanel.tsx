// 涉密材料: never entered or uploaded here; the applicant records only that an item of a kind
// was sent offline through the secrecy channels, and when (recordClassifiedItem).
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';
import { DateTextField } from '../common/DateInput.tsx';
import { beijingDate, formatDate } from '../common/format.ts';
import { Section } from '../common/Section.tsx';
import { enumChoices } from '../enums.ts';
import { recordClassifiedItem } from './applicantRequests.ts';

export const ClassifiedItemsPanel = ({ onChange, readOnly = false }: { onChange?: () => void; readOnly?: boolean }) => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [kind, setKind] = useState('PAPER');
  const [sentOfflineOn, setSentOfflineOn] = useState(beijingDate(new Date().toISOString()));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const save = async () => {
    setRefusal(null);
    setBusy(true);
    try {
      await recordClassifiedItem(record.id, kind, sentOfflineOn);
      notify('tepei.applicant.classified.recorded', { type: 'success' });
      onChange?.();
    } catch (error) {
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="tepei.applicant.classified.title">
      <Box data-testid="classified-panel">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate('tepei.applicant.classified.intro')}
        </Typography>
        <Box component="ul" sx={{ mt: 0, mb: 1.5, pl: 3 }} data-testid="classified-items">
          {record.classifiedItems?.length ? (
            record.classifiedItems.map((item, index) => (
              <li key={index}>
                <Typography variant="body2">
                  {translate('tepei.application.classified', {
                    kind: translate(`tepei.enums.ClassifiedItemKind.${item.kind}`, { _: item.kind }),
                    sentOfflineOn: formatDate(item.sentOfflineOn),
                  })}
                </Typography>
              </li>
            ))
          ) : (
            <Typography variant="body2" color="text.secondary" component="li" sx={{ listStyle: 'none', ml: -3 }}>
              {translate('tepei.applicant.classified.none')}
            </Typography>
          )}
        </Box>
        {readOnly ? null : (
          <>
            {refusal ? (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="classified-error">
                {refusal}
              </Alert>
            ) : null}
            <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
              <TextField
                select
                size="small"
                label={translate('tepei.applicant.classified.kind')}
                value={kind}
                onChange={(event) => setKind(event.target.value)}
                sx={{ width: 220 }}
                SelectProps={{ SelectDisplayProps: { 'data-testid': 'classified-kind' } as object }}
              >
                {enumChoices('ClassifiedItemKind').map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {translate(choice.name)}
                  </MenuItem>
                ))}
              </TextField>
              <DateTextField
                size="small"
                label={translate('tepei.applicant.classified.sentOfflineOn')}
                value={sentOfflineOn}
                onChange={setSentOfflineOn}
                slotProps={{ htmlInput: { 'data-testid': 'classified-date' } }}
              />
              <Button variant="outlined" size="small" disabled={busy || !sentOfflineOn} onClick={save} data-testid="classified-record">
                {translate('tepei.applicant.classified.record')}
              </Button>
            </Stack>
          </>
        )}
      </Box>
    </Section>
  );
};
