// 中文 by default, English on request (the language menu of the app bar).
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { englishConsoleMessages } from './en.ts';
import { lifecycleMessages } from './lifecycle.ts';
import { chineseMessages } from './zh-CN.ts';

const withLifecycle = <Messages extends { tepei: object }>(messages: Messages, lifecycle: typeof lifecycleMessages.zh) => ({ ...messages, tepei: { ...messages.tepei, lifecycle } });
const zh = withLifecycle(chineseMessages, lifecycleMessages.zh);
const en = withLifecycle(englishConsoleMessages, lifecycleMessages.en);

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : zh), 'zh-CN', [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
]);
