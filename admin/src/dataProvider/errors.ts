// Every failure reaches the user as one Chinese sentence. The API words its own refusals in
// Chinese (typed `... on Error { message }` results and the UNAUTHENTICATED/FORBIDDEN errors);
// what it masks, and what never reached it, is worded here.
import { HttpError } from 'react-admin';

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown };
}

interface ApolloErrorLike {
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: { statusCode?: number; message?: string; result?: unknown } | null;
  message?: string;
}

/** One problem of a ValidationFailedError: the input field's path, e.g. ["form", "idNumber"]. */
export interface FieldProblem {
  path: string[];
  message: string;
}

/** A refusal the API explained: its code (FORBIDDEN, DEADLINE_PASSED, …) and Chinese message. */
export class ApiError extends HttpError {
  constructor(
    message: string,
    readonly code: string,
    status = 200,
    /** For VALIDATION_FAILED: each problem at its field, so that a form can show it there. */
    readonly problems: FieldProblem[] = [],
  ) {
    super(message, status, { code });
    // HttpError sets its own prototype, which would make `instanceof ApiError` false and let
    // toApiError mask the API's Chinese message as an unexpected failure.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
  }
}

const unexpected = '服务器处理请求时出错，请稍后重试';
const unreachable = '无法连接服务器，请检查网络后重试';
const chinese = /[\u4e00-\u9fff]/;

/** Turns whatever a request threw into an ApiError with a Chinese message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // ra-data-graphql wraps Apollo's error in an HttpError whose body is the original.
  const original = (error instanceof HttpError && error.body ? error.body : error) as ApolloErrorLike;
  const first = original?.graphQLErrors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'GRAPHQL_ERROR';
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 200;
    // Limits of hardening.ts and masked errors come in English.
    return new ApiError(chinese.test(first.message) ? first.message : unexpected, code, status);
  }
  const network = original?.networkError;
  if (network) return fromHttpStatus(network.statusCode ?? 0);
  // ra-data-graphql turns Apollo's network error into an HttpError of that status without a
  // body: none when the API was not reached at all.
  if (error instanceof HttpError && !error.body) return fromHttpStatus(error.status ?? 0);
  return new ApiError(unexpected, 'UNKNOWN');
}

function fromHttpStatus(status: number): ApiError {
  if (status === 401) return new ApiError('登录已过期，请重新登录', 'UNAUTHENTICATED', 401);
  return new ApiError(status ? unexpected : unreachable, status ? 'HTTP_ERROR' : 'NETWORK_ERROR', status);
}
