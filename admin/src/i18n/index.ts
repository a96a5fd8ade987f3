// 中文 by default, English on request (the language menu of the app bar).
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { englishConsoleMessages } from './en.ts';
import { chineseMessages } from './zh-CN.ts';

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? englishConsoleMessages : chineseMessages), 'zh-CN', [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
]);
