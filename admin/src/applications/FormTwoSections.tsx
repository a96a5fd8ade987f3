// 学员申报表 (form 2) in the order of the paper form: 基本信息, 学历职称, 联系方式, 健康与既往特培,
// 工作经历, 获奖, 论文, 学习目标.
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { formatDate, formatMonth } from '../common/format.ts';
import { FieldGrid, Item, Section } from '../common/Section.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import type { EnumName } from '../enums.ts';
import type { ApplicationRecord } from './types.ts';

const label = (field: string) => `resources.applications.fields.${field}`;

export const FormTwoSections = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const text = (field: string) => (record[field] as string | null | undefined) || translate('tepei.application.none');
  const enumItem = (field: string, name: EnumName) => (
    <Item label={label(field)}>
      <EnumText enum={name} value={record[field]} />
    </Item>
  );
  // A draft may not have answered yet: 未填写, never a 否 nobody said.
  const answered = (value: unknown, yes: string, no: string) => translate(value === null || value === undefined ? 'tepei.application.noItems' : value ? yes : no);
  const yesNo = (value: unknown) => answered(value, 'ra.boolean.true', 'ra.boolean.false');

  return (
    <>
      <Section title="tepei.application.sections.basic">
        <FieldGrid>
          <Item label={label('name')}>{record.name}</Item>
          {enumItem('gender', 'Gender')}
          {enumItem('ethnicity', 'Ethnicity')}
          {/* Analysts get the month alone: the day is part of the ID number. */}
          {record.birthDate ? (
            <Item label={label('birthDate')}>{formatDate(record.birthDate)}</Item>
          ) : (
            <Item label={label('birthMonth')}>{formatMonth(record.birthMonth)}</Item>
          )}
          <Item label={label('idNumber')}>{record.idNumber}</Item>
          {enumItem('politicalStatus', 'PoliticalStatus')}
          {enumItem('chineseProficiency', 'ChineseProficiency')}
          <Item label={label('unit')}>{record.unit?.name}</Item>
          <Item label={label('department')}>{text('department')}</Item>
          <Item label={label('administrativePost')}>{text('administrativePost')}</Item>
          <Item label={label('unitAddress')}>{text('unitAddress')}</Item>
          <Item label={label('postcode')}>{text('postcode')}</Item>
        </FieldGrid>
      </Section>
      <Section title="tepei.application.sections.education">
        <FieldGrid>
          {enumItem('education', 'Education')}
          <Item label={label('graduateSchool')}>{text('graduateSchool')}</Item>
          <Item label={label('majorStudied')}>{text('majorStudied')}</Item>
          <Item label={label('currentSpecialty')}>{text('currentSpecialty')}</Item>
          <Item label={label('titleName')}>{text('titleName')}</Item>
          {enumItem('titleLevel', 'TitleLevel')}
          <Item label={label('foreignLanguage')}>{text('foreignLanguage')}</Item>
          <Item label={label('foreignLanguageLevel')}>{text('foreignLanguageLevel')}</Item>
        </FieldGrid>
      </Section>
      <Section title="tepei.application.sections.contact">
        <FieldGrid>
          <Item label={label('phone')}>{text('phone')}</Item>
          <Item label={label('email')}>{text('email')}</Item>
          <Item label={label('unitContactName')}>{text('unitContactName')}</Item>
          <Item label={label('unitContactPhone')}>{text('unitContactPhone')}</Item>
          <Item label={label('emergencyContactName')}>{text('emergencyContactName')}</Item>
          <Item label={label('emergencyContactPhone')}>{text('emergencyContactPhone')}</Item>
        </FieldGrid>
      </Section>
      <Section title="tepei.application.sections.health">
        <FieldGrid>
          <Item label={label('hasDisqualifyingIllness')} wide>
            {answered(record.hasDisqualifyingIllness, 'tepei.application.healthYes', 'tepei.application.healthNo')}
          </Item>
          <Item label={label('earlierTrainee')}>{yesNo(record.earlierTrainee)}</Item>
          {record.earlierTrainee ? (
            <>
              <Item label={label('earlierTrainingYear')}>{text('earlierTrainingYear')}</Item>
              <Item label={label('earlierTrainingPlace')}>{text('earlierTrainingPlace')}</Item>
            </>
          ) : null}
        </FieldGrid>
      </Section>
      <Section title="tepei.application.sections.work">
        <SimpleTable
          rows={record.workHistory}
          columns={[
            {
              label: 'tepei.application.workHistory.period',
              width: 180,
              render: (row) => `${formatMonth(row.startMonth)} — ${row.endMonth ? formatMonth(row.endMonth) : translate('tepei.application.workHistory.untilNow')}`,
            },
            { label: 'tepei.application.workHistory.work', render: (row) => row.work },
            { label: 'tepei.application.workHistory.postOrTitle', width: 200, render: (row) => row.postOrTitle },
          ]}
        />
      </Section>
      <Section title="tepei.application.sections.awards">
        <SimpleTable
          rows={record.awards}
          columns={[
            { label: 'tepei.application.awards.awardedOn', width: 120, render: (row) => formatDate(row.awardedOn) },
            { label: 'tepei.application.awards.name', render: (row) => row.name },
            { label: 'tepei.application.awards.level', width: 200, render: (row) => row.level },
          ]}
        />
      </Section>
      <Section title="tepei.application.sections.publications">
        <SimpleTable
          rows={record.publications}
          columns={[
            { label: 'tepei.application.publications.publishedOn', width: 120, render: (row) => formatDate(row.publishedOn) },
            { label: 'tepei.application.publications.titleAndContent', render: (row) => row.titleAndContent },
            { label: 'tepei.application.publications.publisher', width: 240, render: (row) => row.publisher },
          ]}
        />
        {record.classifiedItems?.length ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate(label('classifiedItems'))}：
            {record.classifiedItems
              .map((item) =>
                translate('tepei.application.classified', {
                  kind: translate(`tepei.enums.ClassifiedItemKind.${item.kind}`, { _: item.kind }),
                  sentOfflineOn: formatDate(item.sentOfflineOn),
                }),
              )
              .join('；')}
          </Typography>
        ) : null}
      </Section>
      <Section title="tepei.application.sections.goals">
        <FieldGrid>
          <Item label={label('studyGoals')} wide>
            {text('studyGoals')}
          </Item>
          <Item label={label('unitTrainingNeeds')} wide>
            {text('unitTrainingNeeds')}
          </Item>
        </FieldGrid>
      </Section>
    </>
  );
};
