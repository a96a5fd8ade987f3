// A titled block of a show page: a heading and its content, often a grid of labelled values.
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, useTranslate } from 'react-admin';

export const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, borderLeft: 4, borderColor: 'primary.main', pl: 1, mb: 1.5 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** Labelled fields in as many columns as fit. */
export const FieldGrid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 3, rowGap: 1 }}>{children}</Box>
);

/** One labelled value; `label` is an i18n key. */
export const Item = ({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) => (
  <Box sx={wide ? { gridColumn: '1 / -1' } : undefined}>
    <Labeled label={label} fullWidth>
      <Box component="span" sx={{ fontSize: '0.875rem', whiteSpace: 'pre-wrap' }}>
        {children}
      </Box>
    </Labeled>
  </Box>
);
