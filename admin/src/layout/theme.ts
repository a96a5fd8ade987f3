// react-admin's default theme with the Chinese fonts of the reviewers' machines first (Windows,
// macOS, Linux), since the default Roboto has no Chinese glyphs; every list, record and edit
// page showing a failed load as an error with a retry (LoadError.tsx), not as an empty page;
// and what every page needs to stay readable on a laptop and a phone: an app bar blue dark
// enough for white text (WCAG AA: react-admin's #2196f3 gives 3.1:1), list toolbars that wrap
// instead of widening the page, the bulk-action bar kept in view while the list scrolls, and
// dialogs that take the whole screen of a phone, and keyboard focus shown as an outline.
import { createElement } from 'react';
import type { Theme } from '@mui/material';
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { EditLoadError, ListLoadError, ListPagination, ShowLoadError } from './LoadError.tsx';

const fontFamily = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Zen Hei"', 'Roboto', 'Arial', 'sans-serif'].join(',');

/**
 * Colours with at least 4.5:1 against white and the page's #fafafb (WCAG AA for 13-14 px text):
 * MUI's blue #1976d2 gives 4.4:1 for outlined buttons, react-admin's app bar #2196f3 3.1:1 for
 * its white title, and the warning (#ed6c02) and info (#0288d1) chips 3.1:1 and 3.9:1.
 */
const blue = { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' };
const palette = { primary: blue, secondary: blue, warning: { main: '#b45309' }, info: { main: '#0277bd' } };

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, ...palette },
  typography: { ...defaultTheme.typography, fontFamily },
  components: {
    ...defaultTheme.components,
    // The page may be narrower than its widest content (react-admin's layout is at least
    // fit-content wide), so that a wide table never pushes the page, and the menu with it,
    // sideways: the lists choose their columns to fit (common/ListGrid.tsx), wide tables scroll
    // in their own box (common/ScrollRegion.tsx).
    RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } } },
    RaList: {
      defaultProps: { error: createElement(ListLoadError), pagination: createElement(ListPagination) },
      // Filters and buttons wrap to a second line rather than widen the page (react-admin wraps
      // them below 900 px only; on a phone it stacks them in a column, left as it is).
      styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '& .RaList-main': { minWidth: 0 }, [theme.breakpoints.up('sm')]: { '& .RaList-actions': { flexWrap: 'wrap', columnGap: 8 } } }) },
    },
    // A toolbar wraps its buttons within the width it is given rather than claim more.
    RaTopToolbar: { styleOverrides: { root: { flexWrap: 'wrap', rowGap: 4, minWidth: 0, flexShrink: 1, justifyContent: 'flex-end' } } },
    RaFilterForm: { styleOverrides: { root: { flexWrap: 'wrap', minWidth: 0 } } },
    // Sticks below the app bar while the rows scroll under it.
    RaBulkActionsToolbar: { styleOverrides: { root: { position: 'sticky', top: 96, zIndex: 3 } } },
    // A keyboard-focused button is shown by an outline, not MUI's pulsing focus ripple: the
    // ripple's white wash over a contained button dips its text below 4.5:1 as it pulses (axe
    // measured 4.4:1 mid-pulse), and an outline stays where a keyboard user looks for it.
    MuiButton: {
      defaultProps: { disableFocusRipple: true },
      styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.dark}`, outlineOffset: 2 } }) },
    },
    // A spinner says what it is waiting for (axe-core: aria-progressbar-name); the console speaks Chinese first.
    MuiCircularProgress: { defaultProps: { 'aria-label': '加载中' } },
    MuiDialog: {
      styleOverrides: {
        paper: ({ theme }: { theme: Theme }) => ({
          [theme.breakpoints.down('sm')]: { margin: 0, width: '100%', maxWidth: '100%', height: '100%', maxHeight: '100%', borderRadius: 0 },
        }),
      },
    },
    RaShow: { defaultProps: { error: createElement(ShowLoadError) } },
    RaEdit: { defaultProps: { error: createElement(EditLoadError) } },
  },
};
