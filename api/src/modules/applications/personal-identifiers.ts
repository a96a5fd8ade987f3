// Analysts read everything but never a person's identifiers (DOMAIN.md): ID number keeps
// region code and the last four characters, phones the last four digits, e-mail its domain,
// emergency contacts are hidden.
import type { Actor } from '../../auth/actor.ts';
import { seesPersonalIdentifiers } from '../../auth/row-rules.ts';
import { maskPhone, maskResidentId } from '../audit/redact.ts';

export function shownIdNumber(actor: Actor, idNumber: string): string {
  return seesPersonalIdentifiers(actor) ? idNumber : maskResidentId(idNumber);
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
