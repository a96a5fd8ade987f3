// Signed scans sent to the API as GraphQL multipart requests (the `File` scalar): the employer
// unit's 用人单位审核表 of one application (uploadForm4Scan) and a bureau's 名单汇总表
// (uploadForm5Scan). Apollo's link sends JSON only, so these go through fetch, with the bearer
// token and the CSRF header the API asks of every non-JSON request (api/src/hardening.ts).
import { print } from 'graphql';
import { readSession } from '../session.ts';
import { mutationDocument, unwrapResult, type MutationResult, type MutationSpec } from './callMutation.ts';
import { ApiError } from './errors.ts';

export interface UploadedDocument {
  id: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
}

const uploaded = 'id kind fileName sizeBytes uploadedAt';

export const uploadMutations = {
  form4Scan: { field: 'uploadForm4Scan', variables: '$applicationId: ID!, $file: File!', data: uploaded },
  form5Scan: { field: 'uploadForm5Scan', variables: '$roundId: ID!, $areaId: ID, $file: File!', data: uploaded },
} satisfies Record<string, MutationSpec>;

/** One mutation with one file, following the GraphQL multipart request specification. */
export async function uploadFile(spec: MutationSpec, variables: Record<string, unknown>, file: File): Promise<UploadedDocument> {
  const body = new FormData();
  body.append('operations', JSON.stringify({ query: print(mutationDocument(spec)), variables: { ...variables, file: null } }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', file, file.name);
  const token = readSession()?.token;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      body,
      headers: { 'x-graphql-yoga-csrf': 'upload', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK_ERROR', 0);
  }
  const payload = (await response.json().catch(() => null)) as {
    data?: { result?: MutationResult<UploadedDocument> };
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const error = payload?.errors?.[0];
  if (error) {
    const status = response.status === 401 || error.extensions?.code === 'UNAUTHENTICATED' ? 401 : response.status;
    throw new ApiError(/[\u4e00-\u9fff]/.test(error.message) ? error.message : '上传失败，请稍后重试', error.extensions?.code ?? 'UPLOAD_FAILED', status);
  }
  if (!response.ok && !payload?.data) throw new ApiError('上传失败，请稍后重试', 'HTTP_ERROR', response.status);
  return unwrapResult(spec, payload?.data?.result);
}

export function uploadForm4Scan(applicationId: string, file: File): Promise<UploadedDocument> {
  return uploadFile(uploadMutations.form4Scan, { applicationId }, file);
}

export function uploadForm5Scan(roundId: string, areaId: string | null, file: File): Promise<UploadedDocument> {
  return uploadFile(uploadMutations.form5Scan, { roundId, ...(areaId ? { areaId } : {}) }, file);
}
