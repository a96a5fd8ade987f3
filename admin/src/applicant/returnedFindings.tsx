// 退回意见 in the form itself: the findings of the review that returned the application (需修改,
// 不符合) shown at the section of forms 2 and 3 they concern and, when a finding names a field
// (seeded and API findings may name `titleLevel` or `workHistory[0]`), at that field.
// Reviewers judge the form's sections (reviews/FindingsTable findingItems); both kinds of item
// are placed here.
import { Alert, Box, Typography } from '@mui/material';
import { Children, createContext, isValidElement, useContext, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ApplicationRecord } from '../applications/types.ts';

export type Review = ApplicationRecord['reviews'][number];

export interface ReturnedFinding {
  /** As stored, e.g. `education`, `work`, `workHistory[0]`. */
  item: string;
  result: string;
  comment: string | null;
  /** The review stage that returned it (EMPLOYER). */
  stage: string;
}

/** The form's parts a finding can concern (the FormSection ids of ApplicationFormInputs). */
export type FormPart = 'basic' | 'education' | 'unit' | 'contact' | 'health' | 'mode' | 'workHistory' | 'awards' | 'publications' | 'studyGoals' | 'form3' | 'documents';

/** The reviewers' items (tepei.review.findings.items) by the part they judge. */
const partOfReviewItem: Record<string, FormPart> = {
  basic: 'basic',
  education: 'education',
  work: 'workHistory',
  awards: 'awards',
  publications: 'publications',
  health: 'health',
  earlierTraining: 'health',
  goals: 'studyGoals',
  hosts: 'form3',
  evidence: 'documents',
};

/** Each field of forms 2 and 3 by the part it stands in. */
const fieldsOfPart: Record<FormPart, string[]> = {
  basic: ['name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'politicalStatus', 'chineseProficiency'],
  education: ['graduateSchool', 'education', 'majorStudied', 'currentSpecialty', 'foreignLanguage', 'foreignLanguageLevel', 'titleName', 'titleLevel'],
  unit: ['department', 'administrativePost', 'unitAddress', 'postcode'],
  contact: ['phone', 'email', 'unitContactName', 'unitContactPhone', 'emergencyContactName', 'emergencyContactPhone'],
  health: ['hasDisqualifyingIllness', 'earlierTrainee', 'earlierTrainingYear', 'earlierTrainingPlace'],
  mode: ['mode', 'trainingSpecialty'],
  workHistory: ['workHistory'],
  awards: ['awards'],
  publications: ['publications'],
  studyGoals: ['studyGoals'],
  form3: ['intendedSpecialty', 'hostPreferences', 'preferenceRemarks'],
  documents: ['photo', 'evidence'],
};

/** `workHistory[0]` → field `workHistory`, index 0. */
function parseItem(item: string): { field: string; index: number | null } {
  const match = /^(.+)\[(\d+)\]$/.exec(item);
  return match ? { field: match[1]!, index: Number(match[2]) } : { field: item, index: null };
}

/** The part of the form a finding concerns, or null for what the applicant does not fill in. */
export function partOfFinding(item: string): FormPart | null {
  if (partOfReviewItem[item]) return partOfReviewItem[item]!;
  const { field } = parseItem(item);
  const entry = Object.entries(fieldsOfPart).find(([, fields]) => fields.includes(field));
  return entry ? (entry[0] as FormPart) : null;
}

/** The field a finding names, when it names one (not a reviewer's section item). */
export function fieldOfFinding(item: string): string | null {
  if (partOfReviewItem[item]) return null;
  const { field } = parseItem(item);
  return partOfFinding(item) ? field : null;
}

/** The review that returned the application last. */
export function latestReturn(record: ApplicationRecord | undefined): Review | undefined {
  return [...(record?.reviews ?? [])].filter((review) => review.decision === 'RETURN').sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0];
}

/** What the latest return asks to correct, while the application is back with the applicant. */
export function returnedFindings(record: ApplicationRecord | undefined): ReturnedFinding[] {
  if (record?.status !== 'RETURNED_TO_APPLICANT') return [];
  const review = latestReturn(record);
  return (review?.findings ?? []).filter((finding) => finding.result !== 'PASS').map((finding) => ({ ...finding, stage: review!.stage }));
}

/** A finding's item in words: the reviewers' item, or the field's label, with the row (第1条). */
export function useFindingLabel() {
  const translate = useTranslate();
  return (item: string) => {
    if (partOfReviewItem[item]) return translate(`tepei.review.findings.items.${item}`);
    const { field, index } = parseItem(item);
    const name = translate(`resources.applications.fields.${field}`, { _: field });
    return index === null ? name : translate('tepei.applicant.returned.row', { name, row: index + 1 });
  };
}

const FindingsContext = createContext<ReturnedFinding[]>([]);

export const ReturnedFindingsProvider = ({ findings, children }: { findings: ReturnedFinding[]; children: ReactNode }) => (
  <FindingsContext.Provider value={findings}>{children}</FindingsContext.Provider>
);

/** One finding as a line: 需修改：reason. */
const FindingLine = ({ finding, withItem }: { finding: ReturnedFinding; withItem: boolean }) => {
  const translate = useTranslate();
  const label = useFindingLabel();
  return (
    <Typography variant="body2" component="span" sx={{ display: 'block' }}>
      {withItem ? `${label(finding.item)} · ` : ''}
      {translate(`tepei.enums.FindingResult.${finding.result}`)}
      {finding.comment ? `：${finding.comment}` : ''}
    </Typography>
  );
};

/** At the top of a part of the form: what the reviewers said about it. */
export const PartFindings = ({ part }: { part: FormPart }) => {
  const translate = useTranslate();
  const findings = useContext(FindingsContext).filter((finding) => partOfFinding(finding.item) === part);
  if (!findings.length) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1.5 }} data-testid={`returned-part-${part}`}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('tepei.applicant.returned.here', { stage: translate(`tepei.enums.ReviewStage.${findings[0]!.stage}`) })}
      </Typography>
      {findings.map((finding) => (
        <FindingLine key={finding.item} finding={finding} withItem />
      ))}
    </Alert>
  );
};

/**
 * Marks each input among `children` whose `source` a finding names: a warning frame and the
 * finding under it. Inputs no finding names are left as they are.
 */
export function useMarkedInputs(children: ReactNode): ReactNode {
  const findings = useContext(FindingsContext);
  if (!findings.length) return children;
  return Children.map(children, (child) => {
    if (!isValidElement(child)) return child;
    const source = (child.props as { source?: unknown }).source;
    const concerning = typeof source === 'string' ? findings.filter((finding) => fieldOfFinding(finding.item) === source) : [];
    if (!concerning.length) return child;
    return (
      <Box
        sx={{ border: 2, borderColor: 'warning.main', borderRadius: 1, px: 1, pt: 1, mb: 1, bgcolor: 'rgba(237, 108, 2, 0.04)' }}
        data-testid={`returned-field-${source}`}
      >
        {child}
        <Box sx={{ color: 'warning.dark', pb: 1 }}>
          {concerning.map((finding) => (
            <FindingLine key={finding.item} finding={finding} withItem={false} />
          ))}
        </Box>
      </Box>
    );
  });
}
