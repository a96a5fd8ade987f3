// The programme reads dates in Beijing time (UTC+8). Everything here works on explicit
// offsets, never on the process's time zone, so the seed is the same on every machine.
import type { Random } from './random.ts';

export const minuteMs = 60 * 1000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;
const beijingOffsetMs = 8 * hourMs;

/** An instant given as Beijing wall-clock date and time. */
export function beijingInstant(date: string, time = '00:00:00.000'): Date {
  return new Date(`${date}T${time}+08:00`);
}

/** Deadlines close at the very end of their day, Beijing time. */
export function endOfBeijingDay(date: string): Date {
  return beijingInstant(date, '23:59:59.999');
}

/** A value for a `@db.Date` column: midnight UTC of that calendar date. */
export function calendarDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** YYYY-MM-DD of an instant, as a calendar date in Beijing. */
export function beijingDateOf(instant: Date): string {
  return new Date(instant.getTime() + beijingOffsetMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(calendarDate(date).getTime() + days * dayMs).toISOString().slice(0, 10);
}

/** An instant in [from, to], to the millisecond. */
export function randomInstant(random: Random, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(random.float() * (to.getTime() - from.getTime())));
}
