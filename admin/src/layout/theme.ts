// react-admin's default theme with the Chinese fonts of the reviewers' machines first (Windows,
// macOS, Linux), since the default Roboto has no Chinese glyphs; and every list, record and edit
// page showing a failed load as an error with a retry (LoadError.tsx), not as an empty page.
import { createElement } from 'react';
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { EditLoadError, ListLoadError, ListPagination, ShowLoadError } from './LoadError.tsx';

const fontFamily = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Zen Hei"', 'Roboto', 'Arial', 'sans-serif'].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...defaultTheme.typography, fontFamily },
  components: {
    ...defaultTheme.components,
    RaList: { defaultProps: { error: createElement(ListLoadError), pagination: createElement(ListPagination) } },
    RaShow: { defaultProps: { error: createElement(ShowLoadError) } },
    RaEdit: { defaultProps: { error: createElement(EditLoadError) } },
  },
};
