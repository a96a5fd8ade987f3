// The bench's "today": the open round is mid-review, as in the tests' clock. A module of its own
// so that the API process imports nothing of the data loading (its bundle holds what main.ts's does).
export const benchToday = new Date('2026-12-01T10:00:00+08:00');
