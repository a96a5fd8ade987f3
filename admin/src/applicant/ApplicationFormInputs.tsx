// The inputs of forms 2 and 3 in the order of the notice's paper forms (附件2, 附件3), shared by
// the new and the edit page. Labels are the forms' own words (resources.applications.fields.*).
import { Box, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { parseResidentId } from '../../../prisma/src/reference/resident-id.ts';
import { DateInput } from '../common/DateInput.tsx';
import { Section } from '../common/Section.tsx';
import { enumChoices } from '../enums.ts';
import { HostInstitutionInput, MentorInput } from './HostChoiceInputs.tsx';
import { PartFindings, useMarkedInputs, type FormPart } from './returnedFindings.tsx';

const label = (field: string) => `resources.applications.fields.${field}`;
const form = (key: string) => `tepei.applicant.form.${key}`;

/** Inputs side by side, as many as fit; `wide` children take a whole row. An input a returning review names is marked. */
const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 2, alignItems: 'start' }}>{useMarkedInputs(children)}</Box>
);

/** A part of the form, headed by what a returning review said about it. */
const FormSection = ({ title, part, children }: { title: string; part: FormPart; children: ReactNode }) => (
  <Section title={title}>
    <PartFindings part={part} />
    {children}
  </Section>
);

/**
 * 出生日期 and 性别 as the ID number states them (GB 11643-1999: digits 7–14, digit 17 odd for
 * male; parseResidentId, the rule the API checks them by), filled in once the number is valid.
 */
const FactsFromIdNumber = () => {
  const idNumber = useWatch({ name: 'idNumber' }) as string | undefined;
  const { getValues, setValue } = useFormContext();
  useEffect(() => {
    const parsed = parseResidentId(idNumber ?? '');
    if (!parsed.ok) return;
    const { birthDate, gender } = parsed.facts;
    // Not a change of the applicant's own: the ID number typed is the change (on a new form it is
    // the registered one, and a form nobody touched is left without a warning).
    const options = { shouldDirty: false, shouldValidate: true };
    if (getValues('birthDate') !== birthDate) setValue('birthDate', birthDate, options);
    if (getValues('gender') !== gender) setValue('gender', gender, options);
  }, [idNumber, getValues, setValue]);
  return null;
};

const Wide = ({ children }: { children: ReactNode }) => <Box sx={{ gridColumn: '1 / -1' }}>{children}</Box>;

/** A yes/no question of the form (有/无, 是/否) as two radio buttons holding a boolean. */
const YesNoInput = ({ source, yes, no, labelKey }: { source: string; yes: string; no: string; labelKey: string }) => (
  <RadioButtonGroupInput
    source={source}
    label={labelKey}
    choices={[
      { id: 'true', name: yes },
      { id: 'false', name: no },
    ]}
    format={(value: unknown) => (value === true || value === false ? String(value) : '')}
    parse={(value: unknown) => value === 'true' || value === true}
  />
);

const itemsSx = { '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 } };

const WorkHistoryInputs = () => (
  <ArrayInput source="workHistory" label={false}>
    <SimpleFormIterator sx={itemsSx}>
      <Row>
        <TextInput source="startMonth" label={form('startMonth')} placeholder="2019-07" helperText={form('monthHint')} />
        <TextInput source="endMonth" label={form('endMonth')} placeholder="2023-12" helperText={form('endMonthHint')} />
        <TextInput source="work" label="tepei.application.workHistory.work" />
        <TextInput source="postOrTitle" label="tepei.application.workHistory.postOrTitle" />
      </Row>
    </SimpleFormIterator>
  </ArrayInput>
);

const AwardInputs = () => (
  <ArrayInput source="awards" label={false}>
    <SimpleFormIterator sx={itemsSx}>
      <Row>
        <DateInput source="awardedOn" label="tepei.application.awards.awardedOn" />
        <TextInput source="name" label="tepei.application.awards.name" />
        <TextInput source="level" label="tepei.application.awards.level" />
      </Row>
    </SimpleFormIterator>
  </ArrayInput>
);

const PublicationInputs = () => (
  <ArrayInput source="publications" label={false}>
    <SimpleFormIterator sx={itemsSx}>
      <Row>
        <DateInput source="publishedOn" label="tepei.application.publications.publishedOn" />
        <TextInput source="titleAndContent" label="tepei.application.publications.titleAndContent" multiline />
        <TextInput source="publisher" label="tepei.application.publications.publisher" />
      </Row>
    </SimpleFormIterator>
  </ArrayInput>
);

/** 拟选培养单位: one to three, in order of preference, from the registry or not; the host's contact once it agreed. */
const HostPreferenceInputs = () => {
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ hostPreferences?: unknown[] }>>
      {({ formData }) => {
        const count = formData.hostPreferences?.length ?? 0;
        return (
          <ArrayInput source="hostPreferences" label={false} helperText={form('hostLimit')}>
            <SimpleFormIterator
              disableAdd={count >= 3}
              disableRemove={count <= 1}
              getItemLabel={(index: number) => translate(form('rank'), { rank: index + 1 })}
              sx={itemsSx}
            >
              <Row>
                <HostInstitutionInput source="institution" label="tepei.application.hosts.institution" />
                <MentorInput source="mentor" label="tepei.application.hosts.mentor" hostSource="institution" />
                <BooleanInput source="hostAgreed" label={form('hostAgreed')} />
              </Row>
              <FormDataConsumer>
                {({ scopedFormData }) =>
                  (scopedFormData as { hostAgreed?: boolean } | undefined)?.hostAgreed ? (
                    <Row>
                      <TextInput source="contactName" label={form('contactName')} />
                      <TextInput source="contactDepartment" label={form('contactDepartment')} />
                      <TextInput source="contactPost" label={form('contactPost')} />
                      <TextInput source="contactPhone" label={form('contactPhone')} />
                    </Row>
                  ) : null
                }
              </FormDataConsumer>
            </SimpleFormIterator>
          </ArrayInput>
        );
      }}
    </FormDataConsumer>
  );
};

const EarlierTrainingInputs = () => (
  <FormDataConsumer<{ earlierTrainee?: boolean }>>
    {({ formData }) =>
      formData.earlierTrainee ? (
        <>
          <NumberInput source="earlierTrainingYear" label={form('earlierTrainingYear')} step={1} />
          <TextInput source="earlierTrainingPlace" label={form('earlierTrainingPlace')} />
        </>
      ) : null
    }
  </FormDataConsumer>
);

/** 学员申报表 (附件2). `unitName`: the employer unit the applicant registered with. */
export const FormTwoInputs = ({ unitName }: { unitName?: string }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="form-two">
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {translate(form('form2'))}
      </Typography>
      <FormSection title="tepei.application.sections.basic" part="basic">
        <Row>
          <TextInput source="name" label={label('name')} />
          <SelectInput source="gender" label={label('gender')} choices={enumChoices('Gender')} helperText={form('fromIdNumber')} />
          <AutocompleteInput source="ethnicity" label={label('ethnicity')} choices={enumChoices('Ethnicity')} translateChoice />
          <DateInput source="birthDate" label={label('birthDate')} helperText={form('fromIdNumber')} />
          <TextInput source="idNumber" label={label('idNumber')} helperText={form('idNumberHint')} />
          <FactsFromIdNumber />
          <SelectInput source="politicalStatus" label={label('politicalStatus')} choices={enumChoices('PoliticalStatus')} />
          <RadioButtonGroupInput source="chineseProficiency" label={label('chineseProficiency')} choices={enumChoices('ChineseProficiency')} />
        </Row>
      </FormSection>
      <FormSection title="tepei.application.sections.education" part="education">
        <Row>
          <TextInput source="graduateSchool" label={label('graduateSchool')} />
          <SelectInput source="education" label={label('education')} choices={enumChoices('Education')} />
          <TextInput source="majorStudied" label={label('majorStudied')} />
          <TextInput source="currentSpecialty" label={label('currentSpecialty')} />
          <TextInput source="foreignLanguage" label={label('foreignLanguage')} />
          <TextInput source="foreignLanguageLevel" label={label('foreignLanguageLevel')} />
          <TextInput source="titleName" label={label('titleName')} />
          <SelectInput source="titleLevel" label={label('titleLevel')} choices={enumChoices('TitleLevel')} />
        </Row>
      </FormSection>
      <FormSection title="tepei.applicant.form.unitSection" part="unit">
        <Row>
          <Wide>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="applicant-unit">
              {translate(label('unit'))}：{unitName ?? ''}
            </Typography>
          </Wide>
          <TextInput source="department" label={label('department')} />
          <TextInput source="administrativePost" label={label('administrativePost')} />
          <TextInput source="unitAddress" label={label('unitAddress')} />
          <TextInput source="postcode" label={label('postcode')} />
        </Row>
      </FormSection>
      <FormSection title="tepei.application.sections.contact" part="contact">
        <Row>
          <TextInput source="phone" label={label('phone')} type="tel" />
          <TextInput source="email" label={label('email')} type="email" />
          <TextInput source="unitContactName" label={label('unitContactName')} />
          <TextInput source="unitContactPhone" label={label('unitContactPhone')} />
          <TextInput source="emergencyContactName" label={label('emergencyContactName')} />
          <TextInput source="emergencyContactPhone" label={label('emergencyContactPhone')} />
        </Row>
      </FormSection>
      <FormSection title="tepei.application.sections.health" part="health">
        <Row>
          <Wide>
            <YesNoInput source="hasDisqualifyingIllness" labelKey={label('hasDisqualifyingIllness')} yes="tepei.application.healthYes" no="tepei.application.healthNo" />
          </Wide>
          <YesNoInput source="earlierTrainee" labelKey={label('earlierTrainee')} yes={form('yes')} no={form('no')} />
          <EarlierTrainingInputs />
        </Row>
      </FormSection>
      <FormSection title="tepei.applicant.form.modeSection" part="mode">
        <Row>
          <RadioButtonGroupInput source="mode" label={label('mode')} choices={enumChoices('TrainingMode')} />
          <TextInput source="trainingSpecialty" label={label('trainingSpecialty')} />
        </Row>
      </FormSection>
      <FormSection title="resources.applications.fields.workHistory" part="workHistory">
        <WorkHistoryInputs />
      </FormSection>
      <FormSection title="resources.applications.fields.awards" part="awards">
        <AwardInputs />
      </FormSection>
      <FormSection title="resources.applications.fields.publications" part="publications">
        <PublicationInputs />
      </FormSection>
      <FormSection title="resources.applications.fields.studyGoals" part="studyGoals">
        {/* The section's title says what it is; a screen reader reads it as the input's name. */}
        <TextInput source="studyGoals" label={false} helperText={form('studyGoalsHint')} multiline minRows={4} fullWidth slotProps={{ htmlInput: { 'aria-label': translate(label('studyGoals')) } }} />
      </FormSection>
    </Box>
  );
};

/** 申报培养单位志愿表 (附件3). */
export const FormThreeInputs = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="form-three">
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {translate(form('form3'))}
      </Typography>
      <Row>
        <TextInput source="intendedSpecialty" label={label('intendedSpecialty')} />
      </Row>
      <FormSection title="resources.applications.fields.hostPreferences" part="form3">
        <HostPreferenceInputs />
      </FormSection>
      <TextInput source="preferenceRemarks" label={label('preferenceRemarks')} multiline minRows={2} fullWidth />
    </Box>
  );
};
