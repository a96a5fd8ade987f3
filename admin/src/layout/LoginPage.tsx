// 登录: the programme's name above react-admin's sign-in form (the `login` mutation), and why
// the last session ended when it was not the user's choice (登录已过期，请重新登录).
import { Alert, Box, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { signOutNotice } from '../authProvider.ts';

export const LoginPage = () => {
  const translate = useTranslate();
  const [notice] = useState(signOutNotice);
  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center', maxWidth: 300 }}>
        <Typography variant="subtitle1" component="h1" sx={{ fontWeight: 600 }}>
          {translate('tepei.programme')}
        </Typography>
        <Typography variant="body1">{translate('tepei.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('tepei.login.subtitle')}
        </Typography>
      </Box>
      {notice ? (
        <Alert severity="warning" role="alert" data-testid="sign-out-notice" sx={{ mx: 2, mt: 1.5, maxWidth: 268 }}>
          {translate(notice)}
        </Alert>
      ) : null}
      <LoginForm />
      <Typography variant="body2" sx={{ px: 2, pb: 2, textAlign: 'center' }}>
        {translate('tepei.applicant.register.noAccount')}
        <Link component={RouterLink} to="/register" data-testid="register-link">
          {translate('tepei.applicant.register.link')}
        </Link>
      </Typography>
      <Typography variant="body2" sx={{ px: 2, pb: 2, mt: -1, textAlign: 'center' }}>
        <Link component={RouterLink} to="/verify" data-testid="verify-link">
          {translate('tepei.lifecycle.completion.verifyLink')}
        </Link>
      </Typography>
    </Login>
  );
};
