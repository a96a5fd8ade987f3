// 登录: the programme's name above react-admin's sign-in form (the `login` mutation).
import { Box, Link, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

export const LoginPage = () => {
  const translate = useTranslate();
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
      <LoginForm />
      <Typography variant="body2" sx={{ px: 2, pb: 2, textAlign: 'center' }}>
        {translate('tepei.applicant.register.noAccount')}
        <Link component={RouterLink} to="/register" data-testid="register-link">
          {translate('tepei.applicant.register.link')}
        </Link>
      </Typography>
    </Login>
  );
};
