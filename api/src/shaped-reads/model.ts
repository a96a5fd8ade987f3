// The Prisma datamodel as the SQL renderers read it: which table a model is, which columns its
// scalar fields are, and how two models join. The schema maps no names (@map, @@map), and every
// relation references its target's `id`: where that ever changes, `UnsupportedShape` sends the
// read back to Prisma rather than guessing.
import { getDatamodel } from '@tepei/db/pothos-types';

export interface ModelField {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

/** What the shaped reads cannot express: the caller answers through Prisma instead. */
export class UnsupportedShape extends Error {}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: ModelField[] }>;

export function fieldsOf(model: string): ModelField[] {
  const found = models[model];
  if (!found) throw new UnsupportedShape(`unknown model ${model}`);
  return found.fields;
}

export function fieldOf(model: string, name: string): ModelField {
  const field = fieldsOf(model).find((candidate) => candidate.name === name);
  if (!field) throw new UnsupportedShape(`unknown field ${model}.${name}`);
  return field;
}

export const scalarFieldsOf = (model: string) => fieldsOf(model).filter((field) => field.kind === 'scalar' || field.kind === 'enum');

/**
 * How a relation of `model` joins its target: the column of the target and the column of
 * `model` that must be equal.
 */
export function relationJoin(model: string, relation: ModelField): { targetColumn: string; ownColumn: string } {
  const [foreignKey, ...more] = relation.relationFromFields ?? [];
  if (more.length) throw new UnsupportedShape(`composite relation ${model}.${relation.name}`);
  if (foreignKey) return { targetColumn: 'id', ownColumn: foreignKey };
  const back = fieldsOf(relation.type).find(
    (field) => field.relationName === relation.relationName && field.type === model && field !== relation && field.relationFromFields?.length,
  );
  const [backKey, ...moreBack] = back?.relationFromFields ?? [];
  if (!backKey || moreBack.length) throw new UnsupportedShape(`relation ${model}.${relation.name} has no single foreign key`);
  return { targetColumn: backKey, ownColumn: 'id' };
}
