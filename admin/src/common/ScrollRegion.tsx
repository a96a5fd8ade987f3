// A box whose table may be taller or wider than the room it has (a dashboard's area table, the
// quota allocation on a phone, a record's lists): while its content overflows, it is a named
// region in the tab order, so that a keyboard user can focus it and scroll it with the arrow
// keys (axe-core: scrollable-region-focusable); otherwise it is no extra tab stop.
import { Box, type BoxProps } from '@mui/material';
import { useCallback, useState } from 'react';

export const ScrollRegion = ({ label, sx, children, ...props }: BoxProps & { label: string }) => {
  const [scrolls, setScrolls] = useState(false);
  const observe = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    const measure = () => setScrolls(element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <Box
      ref={observe}
      role="region"
      aria-label={label}
      tabIndex={scrolls ? 0 : undefined}
      sx={[{ overflow: 'auto', maxWidth: '100%', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }, ...(Array.isArray(sx) ? sx : [sx])]}
      {...props}
    >
      {children}
    </Box>
  );
};
