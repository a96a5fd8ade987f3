// 申报培养单位志愿表 (form 3): the intended specialty and up to three host institutions.
import { useRecordContext, useTranslate } from 'react-admin';
import { FieldGrid, Item, Section } from '../common/Section.tsx';
import { SimpleTable } from '../common/SimpleTable.tsx';
import type { ApplicationRecord } from './types.ts';

export const HostPreferencesPanel = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Section title="tepei.application.tabs.form3">
        <FieldGrid>
          <Item label="resources.applications.fields.name">{record.name}</Item>
          <Item label="resources.applications.fields.phone">{(record.phone as string) ?? ''}</Item>
          <Item label="resources.applications.fields.intendedSpecialty">{record.intendedSpecialty}</Item>
          <Item label="resources.applications.fields.trainingSpecialty">{record.trainingSpecialty}</Item>
        </FieldGrid>
      </Section>
      <Section title="resources.applications.fields.hostPreferences">
        <SimpleTable
          testId="host-preferences"
          rows={[...(record.hostPreferences ?? [])].sort((a, b) => a.rank - b.rank)}
          columns={[
            { label: 'tepei.application.hosts.rank', width: 100, render: (row) => translate('tepei.application.hosts.rankValue', { rank: row.rank }) },
            { label: 'tepei.application.hosts.institution', render: (row) => row.institution },
            { label: 'tepei.application.hosts.mentor', render: (row) => row.mentor || translate('tepei.application.none') },
            { label: 'tepei.application.hosts.hostAgreed', width: 120, render: (row) => translate(row.hostAgreed ? 'ra.boolean.true' : 'ra.boolean.false') },
            {
              label: 'tepei.application.hosts.contact',
              render: (row) => (row.hostAgreed ? [row.contactName, row.contactDepartment, row.contactPost].filter(Boolean).join('，') : ''),
            },
            { label: 'tepei.application.hosts.contactPhone', render: (row) => (row.hostAgreed ? row.contactPhone : '') },
          ]}
        />
      </Section>
      <Section title="resources.applications.fields.preferenceRemarks">
        {(record.preferenceRemarks as string) || translate('tepei.application.none')}
      </Section>
    </>
  );
};
