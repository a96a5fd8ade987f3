// Deadlines are instants; the programme reads them in Beijing time (UTC+8). The clock is
// injectable so tests can stand one second either side of a deadline.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const beijingOffsetMs = 8 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant, as a calendar date in Beijing. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + beijingOffsetMs).toISOString().slice(0, 10);
}

/** "2025-03-05 23:59" style, for messages users read. */
export function formatBeijing(instant: Date): string {
  return new Date(instant.getTime() + beijingOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** The last millisecond of a Beijing calendar day (YYYY-MM-DD): how the notice words deadlines. */
export function endOfBeijingDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}
