// GraphQL multipart requests (the upload mutations take a `File`), sample files whose first
// bytes are those of real PDF, JPEG and PNG files, and the upload mutations ready to be
// called as any role of support/matrix.ts.
import { deflateSync } from 'node:zlib';
import type { GqlResponse, TestApi } from './api.ts';
import { freshDraft, mutationDocument, tokenOf, type PreparedCall, type Role, type World } from './matrix.ts';
import { globalId } from './workflow.ts';

/**
 * Posts one operation as multipart/form-data (GraphQL multipart request spec): `files` name
 * the variables that carry a file. The CSRF header is required for multipart requests.
 */
export async function gqlUpload<Data = any>(
  api: TestApi,
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, File>,
  token?: string,
): Promise<GqlResponse<Data>> {
  const form = new FormData();
  const names = Object.keys(files);
  form.set('operations', JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(names.map((name) => [name, null])) } }));
  form.set('map', JSON.stringify(Object.fromEntries(names.map((name, index) => [String(index), [`variables.${name}`]]))));
  names.forEach((name, index) => form.set(String(index), files[name]!, files[name]!.name));
  const headers: Record<string, string> = { 'x-graphql-yoga-csrf': '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await api.yoga.fetch('http://test/graphql', { method: 'POST', body: form, headers });
  const body = (await response.json()) as Omit<GqlResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

const ascii = (text: string) => Array.from(text, (character) => character.charCodeAt(0));

/** A small but well-formed PDF 1.4 (one empty page). */
export function pdfBytes(note = 'tepei'): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${note}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** The start of a baseline JFIF JPEG (SOI, APP0) and its end marker. */
export function jpegBytes(): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'), 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00, 0xff, 0xd9]);
}

/** The PNG signature and a 1×1 IHDR chunk. */
export function pngBytes(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    0x00, 0x00, 0x00, 0x0d, ...ascii('IHDR'), 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde,
  ]);
}

/** A Windows executable's first bytes ("MZ", the DOS stub's message). */
export function exeBytes(): Uint8Array {
  return new Uint8Array([...ascii('MZ'), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...ascii('This program cannot be run in DOS mode.')]);
}

export const file = (bytes: Uint8Array, name: string, type = '') => new File([new Uint8Array(bytes)], name, { type });

// ─────────────────────────────── the upload mutations, as any role ───────────────────────────────

function preparedUpload(world: World, role: Role, field: string, signature: string, args: string, variables: Record<string, unknown>, upload: File, token = tokenOf(world, role), actorUserId = role === 'anonymous' ? null : world.accounts[role].userId): PreparedCall {
  return {
    actorUserId,
    run: (selection?: string) => gqlUpload(world.api, mutationDocument(field, `${signature}, $file: File!`, `${args}, file: $file`, selection), variables, { file: upload }, token),
  };
}

/**
 * Each upload mutation arranged for `role`, as support/matrix.ts arranges the others: the
 * applicant uploads to a fresh draft of their own, the employer a form-4 scan of a submitted
 * application of its unit, the prefecture its own area's form 5 and the regional admin the
 * region's; every other role aims at the same targets and is refused.
 */
export const documentMutationCalls: Record<string, (world: World, role: Role) => Promise<PreparedCall>> = {
  async uploadApplicationPhoto(world, role) {
    const upload = file(jpegBytes(), '一寸照片.jpg', 'image/jpeg');
    if (role === 'applicant') {
      const fresh = await freshDraft(world);
      return preparedUpload(world, role, 'uploadApplicationPhoto', '$id: ID!', 'applicationId: $id', { id: fresh.application.id }, upload, fresh.token, fresh.userId);
    }
    return preparedUpload(world, role, 'uploadApplicationPhoto', '$id: ID!', 'applicationId: $id', { id: world.owner.application.id }, upload);
  },
  async uploadEvidence(world, role) {
    const upload = file(pdfBytes(), '获奖证书.pdf', 'application/pdf');
    const args = 'applicationId: $id, title: "喀什地区科技进步奖证书"';
    if (role === 'applicant') {
      const fresh = await freshDraft(world);
      return preparedUpload(world, role, 'uploadEvidence', '$id: ID!', args, { id: fresh.application.id }, upload, fresh.token, fresh.userId);
    }
    return preparedUpload(world, role, 'uploadEvidence', '$id: ID!', args, { id: world.owner.application.id }, upload);
  },
  async uploadForm4Scan(world, role) {
    return preparedUpload(world, role, 'uploadForm4Scan', '$id: ID!', 'applicationId: $id', { id: world.fixed.kashgarSubmitted.id }, file(pdfBytes(), '用人单位审核表.pdf'));
  },
  async uploadForm5Scan(world, role) {
    const areaId = role === 'regional' ? null : globalId('Area', world.programme.kashgar.areaId);
    return preparedUpload(world, role, 'uploadForm5Scan', '$roundId: ID!, $areaId: ID', 'roundId: $roundId, areaId: $areaId', { roundId: world.roundGlobalId, areaId }, file(pdfBytes(), '名单汇总表.pdf'));
  },
};

// ─────────────────────────────── the signed scans a selection needs ───────────────────────────────

/** The unit uploads the signed form 4 (用人单位审核表) of one application; answers the mutation's result. */
export async function uploadForm4Scan(api: TestApi, unitToken: string, applicationId: string) {
  const response = await gqlUpload(
    api,
    'mutation($id: ID!, $file: File!) { uploadForm4Scan(applicationId: $id, file: $file) { __typename ... on Error { code message } } }',
    { id: applicationId },
    { file: file(pdfBytes('form 4'), '用人单位审核表（签字盖章）.pdf') },
    unitToken,
  );
  return response.data?.uploadForm4Scan as { __typename: string; code?: string; message?: string };
}

/** The prefecture uploads its area's signed form 5 (名单汇总表) of the round (relay ids). */
export async function uploadForm5Scan(api: TestApi, prefectureToken: string, roundId: string, areaId: string) {
  const response = await gqlUpload(
    api,
    'mutation($roundId: ID!, $areaId: ID, $file: File!) { uploadForm5Scan(roundId: $roundId, areaId: $areaId, file: $file) { __typename ... on Error { code message } } }',
    { roundId, areaId },
    { file: file(pdfBytes('form 5'), '名单汇总表（签字盖章）.pdf') },
    prefectureToken,
  );
  return response.data?.uploadForm5Scan as { __typename: string; code?: string; message?: string };
}

/** Both scans, as the unit and the prefecture upload them once the application is recommended; throws when refused. */
export async function uploadSignedScans(api: TestApi, scans: { unitToken: string; prefectureToken: string; applicationId: string; roundId: string; areaId: string }) {
  const form4 = await uploadForm4Scan(api, scans.unitToken, scans.applicationId);
  if (form4?.__typename !== 'MutationUploadForm4ScanSuccess') throw new Error(`form 4 scan refused: ${JSON.stringify(form4)}`);
  const form5 = await uploadForm5Scan(api, scans.prefectureToken, scans.roundId, scans.areaId);
  if (form5?.__typename !== 'MutationUploadForm5ScanSuccess') throw new Error(`form 5 scan refused: ${JSON.stringify(form5)}`);
}

// ─────────────────────────────── an image a browser can show ───────────────────────────────

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG (a 1-inch photo's 2:3 shape, a blue background and a lighter face). */
export function photoPng(width = 60, height = 90): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const face = (x - width / 2) ** 2 / (width / 4) ** 2 + (y - height / 2.5) ** 2 / (height / 5) ** 2 < 1;
      rows.set(face ? [240, 210, 180] : [60, 120, 200], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
