// Resident ID number, GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), and a check character over the first 17 digits.
import type { Gender } from '../../generated/client/enums.ts';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

/** Upper-cases a trailing x and strips surrounding blanks. */
export function normalizeResidentId(raw: string): string {
  return raw.trim().toUpperCase();
}

export interface ResidentIdFacts {
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
}

export type ResidentIdProblem = 'LENGTH' | 'CHARACTERS' | 'BIRTH_DATE' | 'CHECKSUM';

/**
 * Why an ID number is refused, in the words the applicant reads — the same at registration, on
 * the application form, and in the console before anything is sent. `idNumber` is normalised.
 */
export function residentIdProblemMessage(problem: ResidentIdProblem, idNumber: string): string {
  switch (problem) {
    case 'LENGTH':
      return `身份证号应为18位（现为${[...idNumber].length}位）`;
    case 'CHARACTERS':
      return '身份证号前17位应为数字，末位应为数字或X';
    case 'BIRTH_DATE':
      return `身份证号中的出生日期 ${idNumber.slice(6, 14)} 不存在`;
    case 'CHECKSUM':
      return '身份证号校验位不正确，请核对';
  }
}

/** The facts an ID number states, or why it is not a valid one. */
export function parseResidentId(raw: string): { ok: true; facts: ResidentIdFacts } | { ok: false; problem: ResidentIdProblem } {
  const id = normalizeResidentId(raw);
  if (id.length !== 18) return { ok: false, problem: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'CHARACTERS' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'BIRTH_DATE' };
  }
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'CHECKSUM' };
  return {
    ok: true,
    facts: {
      regionCode: id.slice(0, 6),
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}

/** Builds a valid ID number; `sequence` is 0–999 and its parity is fixed to the gender. */
export function composeResidentId(regionCode: string, birthDate: string, gender: Gender, sequence: number): string {
  let seq = Math.abs(Math.trunc(sequence)) % 500;
  seq = seq * 2 + (gender === 'MALE' ? 1 : 0);
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}
