// A request whose parameters are malformed (variables that are not JSON, a body that is not an
// object, a missing query…) is the sender's mistake: HTTP 400 with a GraphQL error in Chinese.
// Yoga parses GET and form-encoded parameters with a bare JSON.parse, so a stray `{` in
// `variables` reached users as an unexpected error (500); its own messages are English, and
// the one for a bad JSON body quotes the body back. We parse GET, form and JSON requests
// ourselves, check every parsed request before yoga does, and repeat no more of what was sent
// than a short prefix.
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

type RequestParser = (request: Request) => GraphQLParams | GraphQLParams[] | Response | Promise<GraphQLParams | GraphQLParams[] | Response>;

const knownParameters = new Set(['query', 'variables', 'operationName', 'extensions']);
/** How much of what was sent an error message may repeat. */
const echoedChars = 20;

/** Ours, worded for users: passed on as they are. */
class BadRequest extends GraphQLError {
  constructor(message: string) {
    // No `http.spec`: yoga would then answer 200 to clients that accept application/json.
    super(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  }
}

/** The start of what was sent, quoted so that control characters show. */
function echo(sent: string): string {
  const chars = Array.from(sent);
  return JSON.stringify(chars.length > echoedChars ? `${chars.slice(0, echoedChars).join('')}…` : sent);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(',')[0]!.split(';')[0]!.trim().toLowerCase();
}

/** GET query strings and form posts carry variables and extensions as JSON text. */
function paramsOfSearch(search: URLSearchParams): GraphQLParams {
  const json = (name: 'variables' | 'extensions') => {
    const text = search.get(name);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new BadRequest(`参数 ${name} 不是合法的 JSON（收到 ${echo(text)}）`);
    }
  };
  return {
    query: search.get('query') || undefined,
    operationName: search.get('operationName') || undefined,
    variables: json('variables'),
    extensions: json('extensions'),
  };
}

function paramsOfJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('请求体不是合法的 JSON');
  }
}

/** Our parser where yoga's would fail with a bare exception or an English message quoting the body. */
function parserFor(request: Request): RequestParser | undefined {
  if (request.method === 'GET') return (get) => paramsOfSearch(new URL(get.url).searchParams);
  switch (mediaType(request)) {
    case 'application/x-www-form-urlencoded':
      return async (post) => paramsOfSearch(new URLSearchParams(await post.text()));
    case 'application/json':
    case 'application/graphql+json':
      return async (post) => paramsOfJson(await post.text()) as GraphQLParams;
    default:
      return undefined;
  }
}

/** The checks yoga makes after parsing, made first and worded for our users. */
function checkParams(params: unknown): GraphQLParams {
  if (Array.isArray(params)) throw new BadRequest('每次请求只能包含一个操作（不支持批量请求）');
  if (kindOf(params) !== 'object') throw new BadRequest('请求体应为一个 JSON 对象（含 query、variables 等参数）');
  const record = params as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (value != null && !knownParameters.has(name)) {
      throw new BadRequest(`不认识的请求参数 ${echo(name)}：只接受 query、variables、operationName、extensions`);
    }
  }
  if (record.query == null || record.query === '') throw new BadRequest('缺少查询：请在参数 query 中给出 GraphQL 查询');
  if (typeof record.query !== 'string') throw new BadRequest('参数 query 应为字符串');
  if (record.operationName != null && typeof record.operationName !== 'string') throw new BadRequest('参数 operationName 应为字符串');
  for (const name of ['variables', 'extensions'] as const) {
    if (record[name] != null && kindOf(record[name]) !== 'object') throw new BadRequest(`参数 ${name} 应为 JSON 对象`);
  }
  return record as GraphQLParams;
}

/** What yoga's remaining parsers (multipart, application/graphql) throw, said in Chinese. */
function refusalOf(error: unknown, request: Request): unknown {
  if (error instanceof BadRequest || error instanceof DOMException) return error; // DOMException: the client went away
  if (error instanceof GraphQLError) {
    const status = (error.extensions.http as { status?: number } | undefined)?.status;
    if (status !== undefined && status !== 400) return error; // e.g. 413, body too large
  }
  if (mediaType(request) === 'multipart/form-data') return new BadRequest('文件上传请求（multipart/form-data）的 operations 或 map 字段不合法');
  return new BadRequest('请求体无法读取');
}

function checked(parser: RequestParser): RequestParser {
  return async (request) => {
    let parsed: Awaited<ReturnType<RequestParser>>;
    try {
      parsed = await parser(request);
    } catch (error) {
      throw refusalOf(error, request);
    }
    return parsed instanceof Response ? parsed : checkParams(parsed);
  };
}

export const requestParametersChecked: Plugin = {
  onRequestParse({ request, requestParser, setRequestParser }) {
    if (!requestParser) return; // no parser for this content type: yoga answers 415
    setRequestParser(checked(parserFor(request) ?? requestParser));
  },
};
