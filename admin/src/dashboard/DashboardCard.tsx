// The frame every dashboard card shares: a title, its content, a spinner or an error in Chinese.
import { Alert, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface DashboardCardProps {
  title: string;
  loading?: boolean;
  error?: Error | null;
  children?: ReactNode;
  testId?: string;
}

export const DashboardCard = ({ title, loading, error, children, testId }: DashboardCardProps) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          {title}
        </Typography>
        {error ? <Alert severity="error">{error.message}</Alert> : loading ? <CircularProgress size={24} aria-label={translate('ra.page.loading')} /> : children}
      </CardContent>
    </Card>
  );
};
