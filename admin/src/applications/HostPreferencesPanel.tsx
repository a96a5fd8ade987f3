// 申报培养单位志愿表 (form 3): the intended specialty and up to three host institutions, whether
// each is in the registry (培养单位名录), and the host the trainee was placed at once confirmed.
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
            { label: 'tepei.lifecycle.hosts', width: 110, render: (row) => translate(row.hostInstitution ? 'tepei.lifecycle.listed' : 'tepei.lifecycle.unlisted') },
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
      {record.placement?.host ? (
        <Section title="tepei.lifecycle.placement">
          <FieldGrid>
            <Item label="tepei.lifecycle.host">
              <span data-testid="placed-host">{`${record.placement.host.name}（${record.placement.host.province}）`}</span>
            </Item>
            <Item label="tepei.lifecycle.mentor">{record.placement.mentor ?? translate('tepei.application.none')}</Item>
            <Item label="tepei.lifecycle.rank">
              {record.placement.preferenceRank ? translate('tepei.application.hosts.rankValue', { rank: record.placement.preferenceRank }) : translate('tepei.lifecycle.outside')}
            </Item>
          </FieldGrid>
        </Section>
      ) : null}
      <Section title="resources.applications.fields.preferenceRemarks">
        {(record.preferenceRemarks as string) || translate('tepei.application.none')}
      </Section>
    </>
  );
};
