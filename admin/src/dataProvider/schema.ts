// The console speaks the API's one schema: the printed SDL that the API commits and checks
// (api/schema.graphql). It is bundled rather than fetched because the API describes itself
// only to signed-in users, and so that a query that drifts from the API fails the build's
// checks instead of a reviewer's click.
import { buildSchema, introspectionFromSchema, isEnumType, isInputObjectType, type IntrospectionSchema } from 'graphql';
import sdl from '../../../api/schema.graphql?raw';

export const schema = buildSchema(sdl);

/** The introspection result ra-data-graphql works from (no introspection request). */
export const introspection: IntrospectionSchema = introspectionFromSchema(schema).__schema;

/** Members of each union and implementations of each interface, for Apollo's fragment matching. */
export const possibleTypes: Record<string, string[]> = Object.fromEntries(
  introspection.types
    .filter((type) => type.kind === 'UNION' || type.kind === 'INTERFACE')
    .map((type) => [type.name, ('possibleTypes' in type ? type.possibleTypes : []).map((member) => member.name)]),
);

/** The values of an enum of the schema, in the schema's order. */
export function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the API schema`);
  return type.getValues().map((value) => value.name);
}

/** The field names of an input type, to pass on only the filters the API knows. */
export function inputFieldNames(name: string): Set<string> {
  const type = schema.getType(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is not an input type of the API schema`);
  return new Set(Object.keys(type.getFields()));
}
