// 结业证书查验: public, reached from the sign-in page. Anyone holding a certificate (an employer
// checking a new hire's, say) types its number and learns whether this system issued it, for
// which round, mode and host, with the holder's name shortened to the surname: nothing that
// identifies the holder. `#/verify?number=…` opens with the number checked.
import { Alert, Box, Button, Link, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { formatDate } from '../common/format.ts';
import { PublicPageCard } from '../common/PublicPageCard.tsx';
import { FieldGrid, Item } from '../common/Section.tsx';
import { enumLabelKey } from '../enums.ts';
import { verifyCertificate } from './trainingRequests.ts';

export const CertificateVerifyPage = () => {
  const t = useTranslate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [number, setNumber] = useState(searchParams.get('number') ?? '');
  const check = useMutation({ mutationFn: verifyCertificate });

  useEffect(() => {
    const asked = searchParams.get('number');
    if (asked) check.mutate(asked);
    // Only the number the page was opened with; later checks come from the form.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) return;
    setSearchParams({ number: number.trim() }, { replace: true });
    check.mutate(number);
  };
  const answer = check.data;

  return (
    <PublicPageCard title="tepei.lifecycle.completion.verifyTitle" intro="tepei.lifecycle.completion.verifyIntro" maxWidth={560} testId="verify-page">
          <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1} onSubmit={submit} sx={{ mb: 2 }}>
            <TextField
              label={t('tepei.lifecycle.completion.verifyNumber')}
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              placeholder="XJTP-2025-0001"
              size="small"
              fullWidth
              required
              slotProps={{ htmlInput: { 'data-testid': 'verify-number', maxLength: 32, autoComplete: 'off' } }}
            />
            <Button type="submit" variant="contained" disabled={check.isPending || !number.trim()} data-testid="verify-submit" sx={{ flexShrink: 0 }}>
              {t('tepei.lifecycle.completion.verify')}
            </Button>
          </Stack>
          <Box aria-live="polite">
            {check.error ? (
              <Alert severity="error" data-testid="verify-error">
                {check.error.message}
              </Alert>
            ) : null}
            {answer && !answer.found ? (
              <Alert severity="warning" data-testid="verify-not-found">
                {t('tepei.lifecycle.completion.verifyNotFound', { number: answer.certificateNumber })}
              </Alert>
            ) : null}
            {answer?.certificate ? (
              <Alert severity="success" icon={false} data-testid="verify-found">
                <Typography variant="subtitle2" component="p" sx={{ mb: 1 }}>
                  {t('tepei.lifecycle.completion.verifyFound')}：{answer.certificateNumber}
                </Typography>
                <FieldGrid>
                  <Item label="tepei.lifecycle.completion.holderName">{answer.certificate.holderName}</Item>
                  <Item label="tepei.lifecycle.completion.year">{answer.certificate.year}</Item>
                  <Item label="tepei.lifecycle.completion.mode">{t(enumLabelKey('TrainingMode', answer.certificate.mode))}</Item>
                  <Item label="tepei.lifecycle.completion.host">{answer.certificate.hostInstitution}</Item>
                  <Item label="tepei.lifecycle.completion.period" wide>
                    {formatDate(answer.certificate.startedOn)} — {formatDate(answer.certificate.completedOn)}
                  </Item>
                </FieldGrid>
              </Alert>
            ) : null}
          </Box>
          <Typography variant="body2" sx={{ mt: 2, textAlign: 'center' }}>
            <Link component={RouterLink} to="/login">
              {t('tepei.lifecycle.completion.backToSignIn')}
            </Link>
          </Typography>
    </PublicPageCard>
  );
};
