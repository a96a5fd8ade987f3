// An audit record's details (the request's parameters as the API stored them, already masked)
// as lines a reader understands: Chinese labels for the parameters, enum values by their labels,
// times in Beijing time, yes/no — instead of raw JSON.
import type { TranslateFunction as Translate } from 'react-admin';
import { formatDateTime } from '../common/format.ts';
import { enumLabelKey, type EnumName } from '../enums.ts';

export interface DetailLine {
  label: string;
  value: string;
}

/** Parameters whose values are one of the API's enums. */
const enumOf: Record<string, EnumName> = {
  decision: 'ReviewDecision',
  stage: 'ReviewStage',
  mode: 'TrainingMode',
  role: 'Role',
  status: 'ApplicationStatus',
  statuses: 'ApplicationStatus',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  education: 'Education',
  titleLevel: 'TitleLevel',
  politicalStatus: 'PoliticalStatus',
  chineseProficiency: 'ChineseProficiency',
  reasonKind: 'BlacklistReason',
  nature: 'UnitNature',
  kind: 'DocumentKind',
  result: 'FindingResult',
};

/** Where a parameter's label is looked up: the audit's own names first, then the resources' fields. */
const labelSources = ['tepei.admin.audit.detailFields', 'resources.applications.fields', 'resources.rounds.fields', 'resources.users.fields', 'resources.blacklist.fields', 'resources.units.fields'];

function labelOf(translate: Translate, key: string): string {
  return labelSources.reduceRight<string>((fallback, source) => translate(`${source}.${key}`, { _: fallback }), key);
}

function scalarText(translate: Translate, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(value ? 'tepei.admin.audit.yes' : 'tepei.admin.audit.no');
  const text = String(value);
  const enumName = enumOf[key];
  if (enumName) return translate(enumLabelKey(enumName, text), { _: text });
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDateTime(text);
  return text;
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** A global ID argument, which the API stores decoded: `{ typename: 'Application', id: '<uuid>' }`. */
function globalIdText(translate: Translate, value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { typename, id, ...rest } = value as Record<string, unknown>;
  if (typeof typename !== 'string' || typeof id !== 'string' || Object.keys(rest).length) return null;
  return `${translate(`tepei.targetTypes.${typename}`, { _: typename })} ${id}`;
}

/** One line per value, its label the path of parameter names (填写内容 · 姓名). */
export function detailLines(translate: Translate, details: unknown, path: string[] = [], key = ''): DetailLine[] {
  if (isScalar(details)) return [{ label: path.join(' · '), value: scalarText(translate, key, details) }];
  const globalId = globalIdText(translate, details);
  if (globalId) return [{ label: path.join(' · '), value: globalId }];
  if (Array.isArray(details)) {
    if (details.every((item) => isScalar(item) || globalIdText(translate, item))) {
      const values = details.map((item) => globalIdText(translate, item) ?? scalarText(translate, key, item));
      return [{ label: path.join(' · '), value: values.length ? values.join('、') : '—' }];
    }
    return details.flatMap((item, index) => detailLines(translate, item, [...path, translate('tepei.admin.audit.item', { n: index + 1 })], key));
  }
  const entries = Object.entries(details as Record<string, unknown>);
  if (!entries.length) return path.length ? [{ label: path.join(' · '), value: '—' }] : [];
  return entries.flatMap(([name, value]) => detailLines(translate, value, [...path, labelOf(translate, name)], name));
}
