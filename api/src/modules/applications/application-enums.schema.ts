// The vocabularies of forms 2 and 3 as GraphQL enums, named as in the Prisma schema and
// described in the forms' Chinese wording.
import {
  ChineseProficiency,
  Education,
  Ethnicity,
  Gender,
  PoliticalStatus,
  TitleLevel,
  TrainingMode,
  UnitNature,
} from '@tepei/db/enums';
import { ethnicityFacts } from '@tepei/db/reference/ethnicities';
import { builder } from '../../builder.ts';
import {
  chineseProficiencyLabels,
  educationLabels,
  genderLabels,
  politicalStatusLabels,
  titleLevelLabels,
  trainingModeLabels,
  unitNatureLabels,
} from './application-form.ts';

/** Each value described by its label. */
function described<Value extends string>(labels: Record<Value, string>): Record<Value, { description: string }> {
  const values = {} as Record<Value, { description: string }>;
  for (const value of Object.keys(labels) as Value[]) values[value] = { description: labels[value] };
  return values;
}

const ethnicityLabels = Object.fromEntries(
  Object.entries(ethnicityFacts).map(([value, fact]) => [value, `${fact.name}（GB/T 3304 代码 ${fact.code}）`]),
) as Record<Ethnicity, string>;

export const GenderEnum = builder.enumType(Gender, { name: 'Gender', description: '性别', values: described(genderLabels) });

export const EthnicityEnum = builder.enumType(Ethnicity, {
  name: 'Ethnicity',
  description: '民族（GB/T 3304）',
  values: described(ethnicityLabels),
});

export const PoliticalStatusEnum = builder.enumType(PoliticalStatus, {
  name: 'PoliticalStatus',
  description: '政治面貌',
  values: described(politicalStatusLabels),
});

export const ChineseProficiencyEnum = builder.enumType(ChineseProficiency, {
  name: 'ChineseProficiency',
  description: '汉语水平',
  values: described(chineseProficiencyLabels),
});

export const EducationEnum = builder.enumType(Education, {
  name: 'Education',
  description: `最高学历，由低到高：${Object.values(educationLabels).join('、')}`,
  values: described(educationLabels),
});

export const TitleLevelEnum = builder.enumType(TitleLevel, {
  name: 'TitleLevel',
  description: `专业技术职称层级，由低到高：${Object.values(titleLevelLabels).join('、')}`,
  values: described(titleLevelLabels),
});

export const TrainingModeEnum = builder.enumType(TrainingMode, {
  name: 'TrainingMode',
  description: '培养方式',
  values: described(trainingModeLabels),
});

export const UnitNatureEnum = builder.enumType(UnitNature, {
  name: 'UnitNature',
  description: '单位性质',
  values: described(unitNatureLabels),
});
