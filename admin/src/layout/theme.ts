// react-admin's default theme with the Chinese fonts of the reviewers' machines first (Windows,
// macOS, Linux), since the default Roboto has no Chinese glyphs.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const fontFamily = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Zen Hei"', 'Roboto', 'Arial', 'sans-serif'].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...defaultTheme.typography, fontFamily },
};
