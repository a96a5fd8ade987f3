// Download links of stored documents: /files/documents/<id>?t=<expiry>.<signature>, where the
// signature is an HMAC-SHA256 over the document, the user the link was made for and the
// expiry. The link alone opens nothing: the GET route also wants that same user's bearer
// token, and checks the row rules again (documents.routes.ts). A link cannot be guessed,
// outlives nothing by more than 10 minutes, and is useless to anyone else.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const documentPathPrefix = '/files/documents/';
export const downloadLinkLifetimeMs = 10 * 60 * 1000;

/**
 * FILE_URL_SECRET when set (several processes behind one address must share it), otherwise
 * 256 random bits drawn when the process starts: links then die with the process.
 */
const secret: Buffer = process.env.FILE_URL_SECRET ? Buffer.from(process.env.FILE_URL_SECRET, 'utf8') : randomBytes(32);

function signature(documentId: string, userId: string, expiresAtSeconds: number): Buffer {
  return createHmac('sha256', secret).update(`tepei-document-download\n${documentId}\n${userId}\n${expiresAtSeconds}`).digest();
}

/** The `t` parameter of a link for `userId` to download `documentId` until now + 10 minutes. */
export function downloadToken(documentId: string, userId: string, now: Date): string {
  const expiresAtSeconds = Math.floor((now.getTime() + downloadLinkLifetimeMs) / 1000);
  return `${expiresAtSeconds.toString(36)}.${signature(documentId, userId, expiresAtSeconds).toString('base64url')}`;
}

/** The path (with query) a client GETs, with its bearer token, to download the document. */
export function downloadPath(documentId: string, userId: string, now: Date): string {
  return `${documentPathPrefix}${documentId}?t=${downloadToken(documentId, userId, now)}`;
}

export type LinkCheck = 'valid' | 'missing' | 'malformed' | 'forged' | 'expired';

/** Whether `token` was made by this process for `userId` and `documentId`, and is still live at `now`. */
export function checkDownloadToken(token: string | null, documentId: string, userId: string, now: Date): LinkCheck {
  if (!token) return 'missing';
  const match = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'malformed';
  const expiresAtSeconds = Number.parseInt(match[1]!, 36);
  // Compared as text: base64url leaves spare bits in the last character, which decoding would ignore.
  const given = Buffer.from(match[2]!, 'latin1');
  const expected = Buffer.from(signature(documentId, userId, expiresAtSeconds).toString('base64url'), 'latin1');
  // The signature before the expiry: an altered expiry is a forgery, not an expired link.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  if (now.getTime() >= expiresAtSeconds * 1000) return 'expired';
  return 'valid';
}
