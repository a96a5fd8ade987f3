// Audit details must never carry raw personal identifiers: ID numbers and phone numbers are
// masked wherever they appear, whatever the key is called.
const residentIdPattern = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g;
const mobilePattern = /(?<!\d)1[3-9]\d{5}(\d{4})(?!\d)/g;
const sensitiveKeys = /idnumber|phone|password|token|email|emergency/i;

export function maskResidentId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '******';
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? `*******${digits.slice(-4)}` : '****';
}

export function redactText(text: string): string {
  // PostgreSQL's json cannot hold NUL nor a lone UTF-16 surrogate (its insert would fail and take
  // the change with it); other control characters say nothing an auditor needs.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(residentIdPattern, '$1********$2').replace(mobilePattern, '*******$1');
}

export function redact(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') {
    if (/password|token/i.test(key)) return '[已隐去]';
    if (sensitiveKeys.test(key)) return /idnumber/i.test(key) ? maskResidentId(value) : /phone/i.test(key) ? maskPhone(value) : '[已隐去]';
    return redactText(value);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, key));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, k)]));
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
