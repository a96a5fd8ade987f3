// The console speaks the API's one schema: the printed SDL that the API commits and checks
// (api/schema.graphql). It is bundled rather than fetched because the API describes itself
// only to signed-in users, and so that a query that drifts from the API fails the build's
// checks instead of a reviewer's click. The build hands it over already introspected
// (apiIntrospection.ts): what the console asks of it here are look-ups in that result.
import { type IntrospectionSchema, type IntrospectionType, type IntrospectionTypeRef } from 'graphql';
import builtIntrospection from '../../../api/schema.graphql?introspection';

/** The introspection result ra-data-graphql works from (no introspection request). */
export const introspection: IntrospectionSchema = builtIntrospection;

const types = new Map<string, IntrospectionType>(introspection.types.map((type) => [type.name, type]));


/** Members of each union and implementations of each interface, for Apollo's fragment matching. */
export const possibleTypes: Record<string, string[]> = Object.fromEntries(
  introspection.types
    .filter((type) => type.kind === 'UNION' || type.kind === 'INTERFACE')
    .map((type) => [type.name, ('possibleTypes' in type ? type.possibleTypes : []).map((member) => member.name)]),
);

function namedType(ref: IntrospectionTypeRef): string {
  return 'ofType' in ref && ref.ofType ? namedType(ref.ofType) : (ref as { name: string }).name;
}

/** The values of an enum of the schema, in the schema's order. */
export function enumValues(name: string): string[] {
  const type = types.get(name);
  if (type?.kind !== 'ENUM') throw new Error(`${name} is not an enum of the API schema`);
  return type.enumValues.map((value) => value.name);
}

/** The field names of an input type, to pass on only the filters the API knows. */
export function inputFieldNames(name: string): Set<string> {
  const type = types.get(name);
  if (type?.kind !== 'INPUT_OBJECT') throw new Error(`${name} is not an input type of the API schema`);
  return new Set(type.inputFields.map((field) => field.name));
}

/** The types a mutation's result union may be (its success and its typed errors). */
export function mutationResultMembers(field: string): Set<string> {
  const mutation = introspection.mutationType && types.get(introspection.mutationType.name);
  const fieldType = mutation?.kind === 'OBJECT' ? mutation.fields.find((candidate) => candidate.name === field)?.type : undefined;
  const result = fieldType && types.get(namedType(fieldType));
  if (result?.kind !== 'UNION') throw new Error(`mutation ${field} does not return a result union`);
  return new Set(result.possibleTypes.map((member) => member.name));
}
