// Which fields a request selects below the field being resolved, through fragments: a shaped
// read loads the facts of a computed field (eligibility, say) only when the request shows it.
import { type FieldNode, getNamedType, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';

/**
 * What a selection gives, kept with the field's node of the parsed document: the same document
 * (yoga's parser cache hands every request of a query the same one) asks the same of it every time.
 */
const answersByNode = new WeakMap<FieldNode, Map<string, unknown>>();

function keptForNode<T>(info: GraphQLResolveInfo, key: string, answer: () => T): T {
  const node = info.fieldNodes[0];
  if (!node) return answer();
  let kept = answersByNode.get(node);
  if (!kept) answersByNode.set(node, (kept = new Map()));
  const fullKey = `${info.fieldNodes.length}/${key}`;
  if (kept.has(fullKey)) return kept.get(fullKey) as T;
  const value = answer();
  kept.set(fullKey, value);
  return value;
}

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
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  return keptForNode(info, `names/${path.join('.')}`, () => fieldNamesAt(info, path));
}

function fieldNamesAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
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
 * The columns a row of a model needs for the fields a request selects, and the same for each
 * relation nested in it (by Prisma relation name): what a shaped read puts in the row's JSON.
 */
export interface ColumnPlan {
  columns: ReadonlySet<string>;
  /** Per relation; null when that relation's rows need every column. */
  relations: ReadonlyMap<string, ColumnPlan | null>;
}

function mergePlans(a: ColumnPlan | null | undefined, b: ColumnPlan | null): ColumnPlan | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  const relations = new Map(a.relations);
  for (const [name, plan] of b.relations) relations.set(name, mergePlans(relations.get(name), plan));
  return { columns: new Set([...a.columns, ...b.columns]), relations };
}

/**
 * The columns of `typeName`'s model that the fields selected at `paths` read: an exposed field
 * its own column, a field with a `select` the scalars it names, `id` always; a relation field
 * none of the row's own, but a plan of its own for its rows, from the fields selected below it
 * on its type. Null when a selected field reads the row in a way not declared (a resolver
 * without a `select`, or a `select` reaching into a relation): then the row carries every column.
 */
export function columnPlan(info: GraphQLResolveInfo, paths: readonly string[][], typeName: string): ColumnPlan | null {
  return keptForNode(info, `plan/${typeName}/${paths.map((path) => path.join('.')).join('|')}`, () => planOf(info, paths, typeName));
}

function planOf(info: GraphQLResolveInfo, paths: readonly string[][], typeName: string): ColumnPlan | null {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const columns = new Set<string>(['id']);
  const relations = new Map<string, ColumnPlan | null>();
  for (const name of new Set(paths.flatMap((path) => [...selectedFieldNames(info, path)]))) {
    if (name === '__typename' || name === 'id') continue;
    const field = fields[name];
    const extensions = (field?.extensions ?? {}) as Record<string, unknown>;
    const relation = extensions.pothosPrismaRelationField as { name: string } | undefined;
    if (relation && field) {
      const nested = planOf(info, paths.map((path) => [...path, name]), getNamedType(field.type).name);
      relations.set(relation.name, mergePlans(relations.get(relation.name), nested));
      continue;
    }
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
  return { columns, relations };
}
