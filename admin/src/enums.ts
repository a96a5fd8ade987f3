// Choices for the API's enums: the values come from the schema, their labels from the i18n
// messages (tepei.enums.<Enum>.<VALUE>), in the order the messages list them (the flow's order
// for statuses), so a value the API adds shows up even before it is translated.
import { enumValues } from './dataProvider/schema.ts';
import { appMessagesZh } from './i18n/zh-CN.ts';

export type EnumName = keyof typeof appMessagesZh.tepei.enums;

export interface Choice {
  id: string;
  name: string;
}

export function enumLabelKey(name: EnumName, value: string): string {
  return `tepei.enums.${name}.${value}`;
}

export function enumChoices(name: EnumName): Choice[] {
  const values = enumValues(name);
  const ordered = Object.keys(appMessagesZh.tepei.enums[name]).filter((value) => values.includes(value));
  const untranslated = values.filter((value) => !ordered.includes(value));
  return [...ordered, ...untranslated].map((value) => ({ id: value, name: enumLabelKey(name, value) }));
}
