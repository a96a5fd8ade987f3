// What an uploaded file is, decided by its bytes: PDF, JPEG and PNG only, recognised by their
// magic numbers (never by the name or the type the client declared), at most 10 MiB, not
// empty. The stored name is the client's base name made safe, with the extension of the
// detected type.
import { createHash } from 'node:crypto';
import { ValidationFailedError } from '../../errors/domain-errors.ts';
import type { UploadedFile } from '../../scalars.ts';

/** 10 MiB. */
export const maxDocumentBytes = 10 * 1024 * 1024;
export const maxFileNameLength = 200;

export interface DetectedType {
  mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Extensions a name of this type may keep; the first is added when it has none of them. */
  extensions: readonly string[];
  label: string;
}

const signatures: Array<{ magic: readonly number[]; type: DetectedType }> = [
  // %PDF-
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mimeType: 'application/pdf', extensions: ['pdf'], label: 'PDF' } },
  { magic: [0xff, 0xd8, 0xff], type: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' } },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mimeType: 'image/png', extensions: ['png'], label: 'PNG' } },
];

/** The type the bytes begin with, or null when they begin with none of the accepted ones. */
export function detectType(bytes: Uint8Array): DetectedType | null {
  for (const { magic, type } of signatures) {
    if (bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte)) return type;
  }
  return null;
}

/** C0 and C1 controls, DEL, and the invisible and direction-changing marks a name can hide behind ("gpj.exe"). */
const invisible = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
/** Text without control or invisible characters (PostgreSQL's jsonb refuses \u0000, for one). */
export function printable(text: string, maxLength: number): string {
  return Array.from(text.replace(invisible, '')).slice(0, maxLength).join('');
}

/** Characters a file name may not carry on common systems. */
const reserved = /[:*?"<>|]/g;

/**
 * The client's file name made safe: its base name only (no directories), no control or
 * invisible characters, no reserved ones, no leading dots, at most 200 characters, ending in
 * an extension of the detected type (replacing a different one: a PNG sent as "x.pdf" is
 * stored as "x.png").
 */
export function sanitizeFileName(name: string, type: DetectedType, fallbackStem = '文件'): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(invisible, '').replace(reserved, '_');
  let stem = base.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(stem);
  let kept = type.extensions[0]!;
  if (extension) {
    stem = stem.slice(0, extension.index).replace(/[\s.]+$/, '');
    if (type.extensions.includes(extension[1]!.toLowerCase())) kept = extension[1]!.toLowerCase();
  }
  if (!stem) stem = fallbackStem;
  // Count characters, not UTF-16 units, so that a cut never splits one.
  const room = maxFileNameLength - kept.length - 1;
  const characters = Array.from(stem);
  if (characters.length > room) stem = characters.slice(0, room).join('').trimEnd();
  return `${stem}.${kept}`;
}

export interface CheckedFile {
  bytes: Buffer;
  mimeType: DetectedType['mimeType'];
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

const problem = (message: string) => new ValidationFailedError([{ path: ['file'], message }]);

/**
 * Reads and checks an upload. `accepted` narrows the types (a photo is an image); `stem`
 * replaces the client's name (an evidence title) while keeping the detected extension.
 */
export async function checkUpload(
  file: UploadedFile,
  options: { accepted?: ReadonlyArray<DetectedType['mimeType']>; stem?: string | null } = {},
): Promise<CheckedFile> {
  // The declared size first, so that an oversized file is refused without copying it again.
  if (file.size > maxDocumentBytes) throw problem(`文件不能超过 ${maxDocumentBytes / 1024 / 1024} MB`);
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length === 0) throw problem('文件为空');
  if (bytes.length > maxDocumentBytes) throw problem(`文件不能超过 ${maxDocumentBytes / 1024 / 1024} MB`);
  const type = detectType(bytes);
  const accepted = options.accepted ?? signatures.map((signature) => signature.type.mimeType);
  if (!type || !accepted.includes(type.mimeType)) {
    const labels = signatures.filter((signature) => accepted.includes(signature.type.mimeType)).map((signature) => signature.type.label);
    throw problem(`仅接受 ${labels.join('、')} 文件（按文件内容识别，与文件名无关）`);
  }
  const stem = options.stem?.trim();
  return {
    bytes,
    mimeType: type.mimeType,
    fileName: stem ? sanitizeFileName(`${stem.replace(/[\\/]/g, '_')}.${type.extensions[0]}`, type) : sanitizeFileName(file.name, type),
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
