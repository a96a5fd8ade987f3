import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

function invalid(message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Years a date of this programme can fall in: birth dates, deadlines, audit times. Outside them
 * PostgreSQL and JavaScript disagree (year 0, five-digit years), so they are refused here.
 */
const earliestYear = 1900;
const latestYear = 2199;
const outOfRange = `年份应在 ${earliestYear} 至 ${latestYear} 之间`;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

builder.scalarType('DateTime', {
  description: `An instant, ISO 8601 with offset (e.g. 2025-03-05T23:59:59.999+08:00), years ${earliestYear}–${latestYear}.`,
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => {
    if (typeof value !== 'string' || value.length > 40 || !isoInstant.test(value)) invalid('时间格式不正确，应为 ISO 8601，如 2025-03-05T23:59:59+08:00');
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) invalid('时间不存在');
    if (date.getUTCFullYear() < earliestYear || date.getUTCFullYear() > latestYear) invalid(outOfRange);
    return date;
  },
});

builder.scalarType('Date', {
  description: `A calendar date, YYYY-MM-DD, years ${earliestYear}–${latestYear}.`,
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) invalid('日期格式不正确，应为 YYYY-MM-DD');
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) invalid(`日期 ${value} 不存在`);
    if (date.getUTCFullYear() < earliestYear || date.getUTCFullYear() > latestYear) invalid(outOfRange);
    return value;
  },
});

builder.scalarType('BigInt', {
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (!/^-?\d{1,19}$/.test(String(value))) invalid('应为整数');
    return BigInt(String(value));
  },
});

builder.scalarType('JSON', {
  serialize: (value) => value,
  parseValue: (value) => value,
});

/**
 * An uploaded file of a GraphQL multipart request (yoga implements the multipart request
 * spec): a WHATWG `File`, from whichever fetch implementation parsed the request, so it is
 * recognised by shape. Resolvers check its content (modules/documents/file-content.ts).
 */
export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  const file = value as Partial<UploadedFile> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.name === 'string' &&
    typeof file.size === 'number' &&
    typeof file.arrayBuffer === 'function'
  );
}

builder.scalarType('File', {
  description: '上传的文件：以 multipart/form-data 请求（GraphQL multipart request 规范）提交，仅作为参数使用',
  serialize: () => {
    throw new GraphQLError('File 只能作为上传参数使用');
  },
  parseValue: (value) => {
    if (!isUploadedFile(value)) invalid('请以 multipart/form-data 上传文件');
    return value;
  },
  parseLiteral: () => invalid('请以 multipart/form-data 上传文件'),
});
