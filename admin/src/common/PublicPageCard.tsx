// The frame of a page anyone may open without signing in (注册, 结业证书查验): the programme's
// name, the page's title and what it is for, on a card centred on a grey page, phone or desktop.
import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export const PublicPageCard = ({ title, intro, maxWidth, testId, children }: { title: string; intro: string; maxWidth: number; testId: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', bgcolor: 'grey.100', py: 6, px: 1 }}>
      <Card sx={{ width: '100%', maxWidth }} data-testid={testId}>
        <CardContent>
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, textAlign: 'center' }}>
            {translate('tepei.programme')}
          </Typography>
          <Typography variant="h6" component="h1" sx={{ textAlign: 'center', mb: 1 }}>
            {translate(title)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(intro)}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
};
