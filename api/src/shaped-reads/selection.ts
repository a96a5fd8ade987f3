// Which fields a request selects below the field being resolved, through fragments: a shaped
// read loads the facts of a computed field (eligibility, say) only when the request shows it.
import { type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';

function fieldsIn(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, into: Map<string, SelectionSetNode[]>) {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const nested = into.get(selection.name.value) ?? [];
      if (selection.selectionSet) nested.push(selection.selectionSet);
      into.set(selection.name.value, nested);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsIn(info, selection.selectionSet, into);
    } else {
      fieldsIn(info, info.fragments[selection.name.value]?.selectionSet, into);
    }
  }
}

/** The names of the fields selected at `path` below the resolved field (e.g. ['edges', 'node']). */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    const fields = new Map<string, SelectionSetNode[]>();
    for (const selectionSet of level) fieldsIn(info, selectionSet, fields);
    level = fields.get(step) ?? [];
  }
  const names = new Map<string, SelectionSetNode[]>();
  for (const selectionSet of level) fieldsIn(info, selectionSet, names);
  return new Set(names.keys());
}

/**
 * The columns of `typeName`'s model that the fields selected at `paths` read: an exposed field
 * its own column, a field with a `select` the scalars it names, a relation none (its rows come
 * nested), `id` always. Null when a selected field reads the row in a way not declared (a
 * resolver without a `select`): then the row carries every column.
 */
export function columnsRead(info: GraphQLResolveInfo, paths: readonly string[][], typeName: string): Set<string> | null {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const columns = new Set<string>(['id']);
  for (const name of paths.flatMap((path) => [...selectedFieldNames(info, path)])) {
    if (name === '__typename' || name === 'id') continue;
    const extensions = (fields[name]?.extensions ?? {}) as Record<string, unknown>;
    if (extensions.pothosPrismaRelationField) continue;
    if (typeof extensions.pothosExposedField === 'string') {
      columns.add(extensions.pothosExposedField);
      continue;
    }
    const select = extensions.pothosPrismaSelect;
    if (!select || typeof select !== 'object') return null;
    for (const [column, wanted] of Object.entries(select)) {
      if (wanted !== true) return null;
      columns.add(column);
    }
  }
  return columns;
}
