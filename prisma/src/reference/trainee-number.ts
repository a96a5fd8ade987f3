// 学员编号: round year, the recommending area's code and a sequence within that round and area,
// e.g. 2025-653100-0001. The seed numbers its applications with it and the API numbers each
// first submission with it, so every number in the database reads the same way.

/** What all numbers of one round and area begin with, e.g. "2025-653100". */
export function traineeNumberPrefix(roundYear: number, areaCode: string): string {
  return `${roundYear}-${areaCode}`;
}

/** The `sequence`-th number (from 1) of a round and area: four digits at least. */
export function traineeNumber(roundYear: number, areaCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`traineeNumber: sequence must be a positive integer, got ${sequence}`);
  return `${traineeNumberPrefix(roundYear, areaCode)}-${String(sequence).padStart(4, '0')}`;
}

/** The sequence of a number of this format under `prefix`, or null for any other text. */
export function traineeNumberSequence(number: string, prefix: string): number | null {
  if (!number.startsWith(`${prefix}-`)) return null;
  const tail = number.slice(prefix.length + 1);
  return /^\d{4,}$/.test(tail) ? Number(tail) : null;
}
