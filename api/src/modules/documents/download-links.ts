// Download links of stored documents: /files/documents/<id>?t=<expiry>.<signature>, where the
// signature is an HMAC-SHA256 over the document, the user the link was made for and the
// expiry. The link alone opens nothing: the GET route also wants that same user's bearer
// token, and checks the row rules again (documents.routes.ts). A link cannot be guessed,
// outlives nothing by more than 10 minutes, and is useless to anyone else.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../../config.ts';
import { prismaOutsideUnitOfWork } from '../../db.ts';

export const documentPathPrefix = '/files/documents/';
export const downloadLinkLifetimeMs = 10 * 60 * 1000;

const secretName = 'document-download-links';

/**
 * The key links are signed with, the same on every API process and after every restart:
 * FILE_URL_SECRET when set, otherwise 256 random bits the first process to ask stores in the
 * database (ServerSecret). Processes starting together each offer theirs; the first insert wins
 * and all read that one back.
 */
export async function readDownloadLinkSecret(configured = config.fileUrlSecret): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const client = prismaOutsideUnitOfWork();
  await client.serverSecret.createMany({ data: [{ name: secretName, value: randomBytes(32) }], skipDuplicates: true });
  const row = await client.serverSecret.findUniqueOrThrow({ where: { name: secretName } });
  return Buffer.from(row.value);
}

let secret: Buffer | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the key once per process (again after a failure). The documents plugin awaits it before
 * every request (documents.routes.ts), so resolvers and the GET route find it loaded.
 */
export function loadDownloadLinkSecret(): Promise<void> {
  loading ??= readDownloadLinkSecret().then(
    (value) => {
      secret = value;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function loadedSecret(): Buffer {
  if (!secret) throw new Error('download link used before loadDownloadLinkSecret()');
  return secret;
}

function signature(documentId: string, userId: string, expiresAtSeconds: number): Buffer {
  return createHmac('sha256', loadedSecret()).update(`tepei-document-download\n${documentId}\n${userId}\n${expiresAtSeconds}`).digest();
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

/** Whether `token` was made (by any API process) for `userId` and `documentId`, and is still live at `now`. */
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
