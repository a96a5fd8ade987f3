// Operations whose variables carry a File (uploadApplicationPhoto, uploadEvidence, the scans)
// go as multipart/form-data, the GraphQL multipart request spec the API's yoga understands;
// every other operation stays JSON (HttpLink). Yoga's CSRF prevention asks multipart requests
// for the x-graphql-yoga-csrf header, which a cross-site form cannot send.
import { ApolloLink, Observable, type Operation } from '@apollo/client/core';
import { print } from 'graphql';

type Path = (string | number)[];

/** The files among the variables with their paths, and the variables with each file as null. */
export function extractFiles(value: unknown, path: Path = []): { clone: unknown; files: [Path, File][] } {
  if (typeof File !== 'undefined' && value instanceof File) return { clone: null, files: [[path, value]] };
  if (Array.isArray(value)) {
    const parts = value.map((item, index) => extractFiles(item, [...path, index]));
    return { clone: parts.map((part) => part.clone), files: parts.flatMap((part) => part.files) };
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const parts = Object.entries(value).map(([key, item]) => [key, extractFiles(item, [...path, key])] as const);
    return { clone: Object.fromEntries(parts.map(([key, part]) => [key, part.clone])), files: parts.flatMap(([, part]) => part.files) };
  }
  return { clone: value, files: [] };
}

export function hasFiles(operation: Operation): boolean {
  return extractFiles(operation.variables).files.length > 0;
}

/** A terminating link that posts one operation as multipart/form-data to `uri`. */
export function multipartLink(uri: string): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const { clone, files } = extractFiles(operation.variables, ['variables']);
        const body = new FormData();
        body.set('operations', JSON.stringify({ operationName: operation.operationName, query: print(operation.query), variables: clone }));
        body.set('map', JSON.stringify(Object.fromEntries(files.map(([path], index) => [String(index), [path.join('.')]]))));
        files.forEach(([, file], index) => body.set(String(index), file, file.name));
        const { headers = {} } = operation.getContext() as { headers?: Record<string, string> };
        const controller = new AbortController();
        fetch(uri, { method: 'POST', body, headers: { ...headers, 'x-graphql-yoga-csrf': '1' }, signal: controller.signal })
          .then(async (response) => {
            const result = await response.json().catch(() => null);
            if (!response.ok && !result?.errors) {
              throw Object.assign(new Error(`HTTP ${response.status}`), { statusCode: response.status, result });
            }
            observer.next(result);
            observer.complete();
          })
          .catch((error: unknown) => {
            if (!controller.signal.aborted) observer.error(error);
          });
        return () => controller.abort();
      }),
  );
}
