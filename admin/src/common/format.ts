// Dates as reviewers read them: Beijing time, Chinese order (2025-03-05 23:59).
const beijing = 'Asia/Shanghai';

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: beijing,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** A calendar date (YYYY-MM-DD from the API) or a year-month. */
export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '';
}

export function formatMonth(value: string | null | undefined): string {
  return value ? value.slice(0, 7) : '';
}

/** The Beijing calendar date of an instant, YYYY-MM-DD. */
export function beijingDate(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleDateString('sv-SE', { timeZone: beijing }) : '';
}

/** The first instant of a Beijing calendar date (YYYY-MM-DD), as the API's DateTime. */
export function startOfBeijingDay(date: string): string {
  return `${date}T00:00:00.000+08:00`;
}

/** The last instant of a Beijing calendar date: how the notice words a deadline. */
export function endOfBeijingDay(date: string): string {
  return `${date}T23:59:59.999+08:00`;
}
