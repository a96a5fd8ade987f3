// 申报人注册: a public page (no sign-in, no menu) reached from the sign-in page. The username is
// the applicant's ID number; the employer unit comes from the API's registrationUnits. Once
// registered, the applicant signs in with the same credentials and lands on the new form.
import { Alert, Box, Link, Stack } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AutocompleteInput, Form, PasswordInput, SaveButton, TextInput, useAuthProvider, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { applicantQueries, query, register, type RegisterInput, type RegistrationUnit } from './applicantRequests.ts';
import { idNumberProblem } from './formValidation.ts';
import { refusalOf } from './serverProblems.ts';
import { PublicPageCard } from '../common/PublicPageCard.tsx';

interface RegisterValues extends RegisterInput {
  passwordAgain: string;
}

const mobilePattern = /^1[3-9]\d{9}$/;

/** The API's checks of RegisterInput (accounts.service.ts `register`), before the request. */
function validate(values: Partial<RegisterValues>): Record<string, string> {
  const errors: Record<string, string> = {};
  const idProblem = idNumberProblem(values.idNumber);
  if (idProblem) errors.idNumber = idProblem;
  const name = (values.name ?? '').trim();
  if (name.length < 2 || name.length > 30) errors.name = '姓名应为2至30个字';
  if (!mobilePattern.test((values.phone ?? '').trim())) errors.phone = '手机号码应为11位，以1开头';
  if (!values.unitId) errors.unitId = '请选择用人单位';
  const password = values.password ?? '';
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) errors.password = '密码至少8位，且须同时包含字母和数字';
  if (values.passwordAgain !== password) errors.passwordAgain = 'tepei.applicant.register.passwordMismatch';
  return errors;
}

export const RegisterPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const authProvider = useAuthProvider();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [units, setUnits] = useState<RegistrationUnit[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    query<{ registrationUnits: RegistrationUnit[] }>(applicantQueries.registrationUnits)
      .then((data) => setUnits(data.registrationUnits))
      .catch((error: Error) => setRefusal(error.message));
  }, []);
  const choices = useMemo(() => units.map((unit) => ({ id: unit.unitId, name: `${unit.name}（${unit.areaName}）` })), [units]);

  const submit = async (values: Partial<RegisterValues>) => {
    setRefusal(null);
    const input: RegisterInput = {
      idNumber: (values.idNumber ?? '').trim(),
      name: (values.name ?? '').trim(),
      phone: (values.phone ?? '').trim(),
      unitId: values.unitId ?? '',
      password: values.password ?? '',
    };
    try {
      await register(input);
    } catch (error) {
      const { message, fieldErrors } = refusalOf(error, 'input');
      setRefusal(message);
      return fieldErrors;
    }
    // The registration's own session is not kept: signing in the ordinary way gives the
    // console the same state (permissions, identity) as every later visit. The admin still
    // holds "not signed in" from this public page; it must know better before the next page,
    // or it signs the applicant out again.
    await authProvider!.login({ username: input.idNumber, password: input.password });
    await queryClient.invalidateQueries({ queryKey: ['auth'] });
    notify('tepei.applicant.register.done', { type: 'success' });
    navigate('/myApplications/create');
    return undefined;
  };

  return (
    <PublicPageCard title="tepei.applicant.register.title" intro="tepei.applicant.register.intro" maxWidth={520} testId="register-page">
          {refusal ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="register-error">
              {refusal}
            </Alert>
          ) : null}
          <Form onSubmit={submit} validate={validate} mode="onBlur" reValidateMode="onChange">
            <Stack>
              <TextInput source="idNumber" label="tepei.applicant.register.idNumber" autoComplete="username" fullWidth />
              <TextInput source="name" label="tepei.applicant.register.name" fullWidth />
              <TextInput source="phone" label="tepei.applicant.register.phone" type="tel" fullWidth />
              <AutocompleteInput source="unitId" label="tepei.applicant.register.unit" choices={choices} fullWidth />
              <PasswordInput
                source="password"
                label="tepei.applicant.register.password"
                helperText="tepei.applicant.register.passwordHint"
                autoComplete="new-password"
                fullWidth
              />
              <PasswordInput source="passwordAgain" label="tepei.applicant.register.passwordAgain" autoComplete="new-password" fullWidth />
              <SaveButton label="tepei.applicant.register.submit" alwaysEnable fullWidth />
            </Stack>
          </Form>
          <Box sx={{ mt: 2, textAlign: 'center' }}>
            <Link component={RouterLink} to="/login" variant="body2">
              {translate('tepei.applicant.register.backToLogin')}
            </Link>
          </Box>
    </PublicPageCard>
  );
};
