// The input boundary: every argument of every field is checked here before any plugin or
// resolver reads it, so a field added tomorrow is covered without a line of its own. Malformed
// input — a string with NUL or a lone UTF-16 surrogate, an ID that is not one of ours, a cursor
// we never issued — is refused as a typed client error in Chinese naming the argument's path,
// never echoing what was sent; nothing reaches Prisma or PostgreSQL to fail there as "unexpected".
import SchemaBuilder, { BasePlugin, decodeBase64, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type GraphQLArgument,
  GraphQLError,
  type GraphQLInputType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLResolveInfo,
} from 'graphql';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Audit records are numbered (bigint); everything else has a UUID. */
const serialPattern = /^[1-9]\d{0,18}$/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** No ID or cursor of ours is longer; anything longer is refused before it is decoded. */
const maxIdLength = 200;

export interface InputProblem {
  path: string;
  message: string;
}

/** What is wrong with a string any argument may carry, or null. */
export function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return '不能包含空字符（NUL）';
  if (loneSurrogate.test(value)) return '含有无效的 Unicode 字符（孤立的代理项）';
  return null;
}

function isOurId(id: string): boolean {
  return uuidPattern.test(id) || serialPattern.test(id);
}

/** An ID argument is a raw id of ours or a global ID `Type:id` in base64 with a known type. */
function idProblem(value: string, typeExists: (name: string) => boolean): string | null {
  if (value.length > maxIdLength) return '标识格式不正确';
  if (isOurId(value)) return null;
  let decoded: string;
  try {
    decoded = decodeBase64(value);
  } catch {
    return '标识格式不正确';
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || !typeExists(decoded.slice(0, colon)) || !isOurId(decoded.slice(colon + 1))) return '标识格式不正确';
  return null;
}

/** Cursors are the Prisma plugin's: base64 of `GPC:S:<uuid>` or `GPC:I:<serial>`. */
function cursorProblem(value: string): string | null {
  if (value.length > maxIdLength) return '分页游标无效';
  try {
    const decoded = decodeBase64(value);
    const match = /^GPC:([SIN]):(.*)$/.exec(decoded);
    if (match && (match[1] === 'S' ? uuidPattern.test(match[2]!) : serialPattern.test(match[2]!))) return null;
  } catch {
    // not base64: refused below
  }
  return '分页游标无效，请从第一页重新查询';
}

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  problems: InputProblem[],
  typeExists: (name: string) => boolean,
  isCursor: boolean,
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(item, nullable.ofType, `${path}.${index}`, problems, typeExists, false));
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, field] of Object.entries(fields)) {
      checkValue((value as Record<string, unknown>)[name], field.type, `${path}.${name}`, problems, typeExists, false);
    }
    return;
  }
  if (typeof value !== 'string' || !isScalarType(nullable)) return;
  const problem =
    stringProblem(value) ?? (nullable.name === 'ID' ? idProblem(value, typeExists) : isCursor ? cursorProblem(value) : null);
  if (problem) problems.push({ path, message: problem });
}

/** The problems of one field's arguments as the resolver would receive them. */
export function argumentProblems(args: Record<string, unknown>, definitions: readonly GraphQLArgument[], info: GraphQLResolveInfo): InputProblem[] {
  const problems: InputProblem[] = [];
  const typeExists = (name: string) => info.schema.getType(name) !== undefined;
  const returnsConnection = getNullableType(info.returnType).toString().endsWith('Connection');
  for (const definition of definitions) {
    const isCursor = returnsConnection && (definition.name === 'after' || definition.name === 'before');
    checkValue(args[definition.name], definition.type, definition.name, problems, typeExists, isCursor);
  }
  return problems;
}

export function inputRejected(problems: InputProblem[]): GraphQLError {
  return new GraphQLError(`输入有误：${problems.map((problem) => `${problem.path}：${problem.message}`).join('；')}`, {
    extensions: { code: 'BAD_USER_INPUT', problems },
  });
}

export class InputBoundaryPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  // Outside the argument mappers: Pothos runs them (the relay plugin's decoding of global IDs
  // among them) before any resolver wrapper, and this hook is the one that sees raw arguments.
  override wrapArgMappers(
    resolver: Parameters<BasePlugin<Types>['wrapArgMappers']>[0],
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): Parameters<BasePlugin<Types>['wrapArgMappers']>[0] {
    if (!resolver || Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      const definitions = info.parentType.getFields()[info.fieldName]?.args ?? [];
      const problems = argumentProblems(args as Record<string, unknown>, definitions, info);
      if (problems.length) throw inputRejected(problems);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputBoundary: InputBoundaryPlugin<Types>;
    }
  }
}

/** The name to list in the builder's plugins. */
export const inputBoundaryPlugin = 'inputBoundary' as const;

SchemaBuilder.registerPlugin(inputBoundaryPlugin, InputBoundaryPlugin);
