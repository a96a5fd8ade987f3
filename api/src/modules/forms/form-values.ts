// How stored values read on the paper forms: dates as Chinese forms write them, enum values
// by their labels (application-form.ts), a title with its level.
import type { HostPreference, TitleLevel } from '@tepei/db/client';
import type { Ethnicity } from '@tepei/db/enums';
import { ethnicityFacts } from '@tepei/db/reference/ethnicities';
import { beijingDate } from '../../clock.ts';
import { titleLevelLabels } from '../applications/application-form.ts';

function parts(date: Date): [string, string, string] {
  const [year, month, day] = date.toISOString().slice(0, 10).split('-') as [string, string, string];
  return [year, month, day];
}

/** 出生年月 on forms 4 and 5: 1988.06, of a @db.Date column (midnight UTC) or a YYYY-MM month. */
export function yearMonth(date: Date | string): string {
  const [year, month] = typeof date === 'string' ? date.split('-') : parts(date);
  return `${year}.${month}`;
}

/** 2022.12.01; blank for a draft's date not filled in. */
export function dottedDate(date: Date | null): string {
  return date ? parts(date).join('.') : '';
}

/** 1988年6月15日 */
export function chineseDate(date: Date): string {
  const [year, month, day] = parts(date);
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** A YYYY-MM month as 1988年6月: the birth date of form 2 for a reader who gets the month alone. */
export function chineseMonth(month: string): string {
  const [year, number] = month.split('-');
  return `${year}年${Number(number)}月`;
}

/** The Beijing calendar day of an instant, as 2027年3月1日. */
export function chineseDay(instant: Date): string {
  return chineseDate(new Date(`${beijingDate(instant)}T00:00:00Z`));
}

/** 主要工作经历: 2011.07—2015.06, or 2011.07—至今; of a draft's row without its start, only the end. */
export function period(start: Date | null, end: Date | null): string {
  if (!start) return end ? `—${yearMonth(end)}` : '';
  return `${yearMonth(start)}—${end ? yearMonth(end) : '至今'}`;
}

export function ethnicityName(ethnicity: Ethnicity): string {
  return ethnicityFacts[ethnicity].name;
}

/** A choice by its label (application-form.ts); null, printed blank, where a draft has not made it. */
export function labelOf<T extends string>(labels: Record<T, string>, value: T | null): string | null {
  return value === null ? null : labels[value];
}

/** 专业技术职务（职称）: 主治医师（中级）; the level alone when no title name was given. */
export function titleWithLevel(titleName: string | null, level: TitleLevel): string {
  if (level === 'NONE') return titleName ?? titleLevelLabels.NONE;
  return titleName ? `${titleName}（${titleLevelLabels[level]}）` : titleLevelLabels[level];
}

/** 申请培养地及培养单位: the preferences in order, 1.北京协和医院；2.…. */
export function hostInstitutions(preferences: Pick<HostPreference, 'rank' | 'institution'>[]): string {
  return preferences.map((preference) => `${preference.rank}.${preference.institution}`).join('；');
}

/** 第一志愿 … for ranks 1 to 3. */
export const preferenceOrdinals = ['第一志愿', '第二志愿', '第三志愿'] as const;
