// What a reader who may not see personal identifiers (analysts, DOMAIN.md "Who takes part")
// gets of them, wherever data leaves the API: GraphQL fields, filters and sort keys, audit
// records, usernames and every generated file. One policy, so that no exit shows what another
// hides, and no two exits together rebuild what each hides alone:
// - the ID number keeps no character: its region code names a county, digits 7–14 are the
//   birth date, 15–17 the sequence and gender, and the last is computed from the rest;
// - the birth date is year and month only (出生年月, as form 5 prints it), and filters on it
//   go no finer than a month, or they would narrow the list down to ID digits;
// - phones keep their last four digits, e-mail its domain; emergency contacts are hidden;
// - an applicant's username is their ID number: hidden like it, never filtered or sorted by.
// Audit details are redacted once when written (audit/redact.ts); analysts read them through
// this policy as well.
import type { Role } from '@tepei/db/enums';
import { maskPhone } from '../modules/audit/redact.ts';
import type { Actor } from './actor.ts';

/** Personal identifiers are masked for analysts everywhere they appear. */
export function seesPersonalIdentifiers(actor: Actor): boolean {
  return actor.role !== 'ANALYST';
}

/** The ID number as analysts read it: not one of its characters. */
export const hiddenResidentId = '*'.repeat(18);

/** Emergency contacts and the like, where a file must print something. */
export const hiddenText = '（已隐去）';

/** YYYY-MM of a @db.Date column (midnight UTC) or of a YYYY-MM-DD string; null for a draft's empty birth date. */
export function birthMonthOf(date: Date | string): string;
export function birthMonthOf(date: Date | string | null): string | null;
export function birthMonthOf(date: Date | string | null): string | null {
  return date === null ? null : (date instanceof Date ? date.toISOString() : date).slice(0, 7);
}

export function shownIdNumber(actor: Actor, idNumber: string): string {
  return seesPersonalIdentifiers(actor) ? idNumber : hiddenResidentId;
}

export function shownPhone(actor: Actor, phone: string | null): string | null {
  return phone === null || seesPersonalIdentifiers(actor) ? phone : maskPhone(phone);
}

export function shownEmail(actor: Actor, email: string | null): string | null {
  if (email === null || seesPersonalIdentifiers(actor)) return email;
  const at = email.indexOf('@');
  return at >= 0 ? `***${email.slice(at)}` : '***';
}

export function shownEmergencyContact(actor: Actor, value: string): string | null {
  return seesPersonalIdentifiers(actor) ? value : null;
}

/**
 * A named contact person who is not an applicant (a host institution's 联系人): a third party's
 * name, hidden from analysts as an emergency contact is; their phone goes through shownPhone.
 */
export function shownContactPerson(actor: Actor, name: string | null): string | null {
  return name === null ? null : shownEmergencyContact(actor, name);
}

/** The full birth date, or null for a reader who gets the month alone (birthMonthOf). */
export function shownBirthDate<T extends Date | string | null>(actor: Actor, birthDate: T): T | null {
  return seesPersonalIdentifiers(actor) ? birthDate : null;
}

/** An account's username for a reader who may not see it: an applicant's is their ID number. */
export function maskedUsername(user: { username: string; role: Role }): string {
  return user.role === 'APPLICANT' ? hiddenResidentId : user.username;
}

// ───────────────────────────── free text ─────────────────────────────

/** A whole ID number, or one stored with its middle masked (audit/redact.ts). */
const residentIdInText = /(?<![\dA-Za-z*])[\d*]{6}[\d*]{8}[\d*]{3}[\dXx*](?![\dA-Za-z*])/g;
const mobileInText = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const landlineInText = /(?<![\d-])0\d{2,3}-?\d{7,8}(?![\d-])/g;
const emailInText = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g;
const fullDate = /^(\d{4}-\d{2})-\d{2}/;

/** Free text (a file name, an audit value, a reason): identifiers in it masked. */
export function shownText(actor: Actor, text: string): string {
  if (seesPersonalIdentifiers(actor)) return text;
  return text
    .replace(residentIdInText, (match) => (/\d/.test(match) ? hiddenResidentId : match))
    .replace(mobileInText, (phone) => maskPhone(phone))
    .replace(landlineInText, (phone) => maskPhone(phone))
    .replace(emailInText, '***@$1');
}

/** A text that states `birthDate` in full (an eligibility reason), with only its month. */
export function withBirthMonth(actor: Actor, text: string, birthDate: Date | string | null): string {
  if (seesPersonalIdentifiers(actor)) return text;
  if (birthDate === null) return shownText(actor, text);
  const day = (birthDate instanceof Date ? birthDate.toISOString() : birthDate).slice(0, 10);
  return shownText(actor, text.replaceAll(day, birthMonthOf(day)));
}

/**
 * Audit details as a reader gets them. They were redacted when written (ID numbers keep region
 * and last four, phones the last four); analysts get the same policy as everywhere else: no
 * ID character, birth dates to the month, nothing that looks like an identifier.
 */
export function shownDetails(actor: Actor, value: unknown, key = ''): unknown {
  if (seesPersonalIdentifiers(actor) || value === null || value === undefined) return value;
  if (typeof value === 'string') {
    if (/birth/i.test(key)) return value.replace(fullDate, '$1');
    if (/idnumber/i.test(key)) return hiddenResidentId;
    if (/emergency/i.test(key)) return hiddenText;
    return shownText(actor, value);
  }
  if (Array.isArray(value)) return value.map((item) => shownDetails(actor, item, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shownDetails(actor, v, k)]));
  }
  return value;
}

/** Every string of a GraphQL answer (data and errors), as free text for this reader. */
export function shownAnswer<T>(actor: Actor, value: T): T {
  if (seesPersonalIdentifiers(actor)) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return shownText(actor, item);
    if (Array.isArray(item)) return item.map(walk);
    // graphql-js builds its results on null prototypes.
    if (item && typeof item === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(item))) {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    }
    return item;
  };
  return walk(value) as T;
}
