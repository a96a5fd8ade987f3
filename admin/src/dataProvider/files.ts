// Downloads of the API's files: the official forms (GET /files/forms/…, forms.routes.ts) and
// stored documents (GET /files/documents/<id>?t=…, documents.routes.ts). Both want the same
// `Authorization: Bearer` token as /graphql, which a plain link cannot carry, so the console
// fetches the file with the header and hands the browser the bytes. A refusal comes back as the
// API's Chinese message.
import { readSession } from '../session.ts';
import { ApiError } from './errors.ts';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  /** The rows of an exported list, when the API says (x-total-count). */
  rowCount?: number;
}

/** The name of RFC 6266's `filename*=UTF-8''…` (the Chinese one), else the plain `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: the plain one below.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string; extensions?: { code?: string } }[] } | null;
  const error = body?.errors?.[0];
  if (response.status === 401) return new ApiError(error?.message ?? '登录已过期，请重新登录', 'UNAUTHENTICATED', 401);
  return new ApiError(error?.message ?? '文件下载失败，请稍后重试', error?.extensions?.code ?? 'HTTP_ERROR', response.status);
}

/** GETs `path` (as the API hands it out) with the session's bearer token. */
export async function fetchFile(path: string): Promise<DownloadedFile> {
  const token = readSession()?.token;
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK_ERROR', 0);
  }
  if (!response.ok) throw await refusal(response);
  const fallback = decodeURIComponent(path.split('?')[0]!.split('/').pop() ?? 'download');
  const rows = response.headers.get('x-total-count');
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('content-disposition'), fallback),
    ...(rows !== null && /^\d+$/.test(rows) ? { rowCount: Number(rows) } : {}),
  };
}

/** Offers the bytes to the user as a download named `fileName`. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has read the URL; free it once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches and offers the file; what was fetched, for a caller that reports it. */
export async function downloadFile(path: string): Promise<DownloadedFile> {
  const file = await fetchFile(path);
  saveFile(file);
  return file;
}
