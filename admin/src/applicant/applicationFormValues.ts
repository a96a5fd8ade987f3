// Forms 2 and 3 between the three shapes they take: the application as the API returns it, the
// values the console's form edits, and the API's ApplicationFormInput.
import { parseResidentId } from '../../../prisma/src/reference/resident-id.ts';
import { participatedStatuses } from '../../../prisma/src/reference/status-flow.ts';
import type { ApplicationRecord } from '../applications/types.ts';

type Text = string | null | undefined;

export interface HostPreferenceValues {
  institution: Text;
  mentor?: Text;
  hostAgreed: boolean | null | undefined;
  contactName?: Text;
  contactDepartment?: Text;
  contactPost?: Text;
  contactPhone?: Text;
}

/** What the applicant edits; every field of ApplicationFormInput, possibly still empty. */
export interface ApplicationFormValues {
  name: Text;
  gender: Text;
  ethnicity: Text;
  birthDate: Text;
  idNumber: Text;
  politicalStatus: Text;
  chineseProficiency: Text;
  graduateSchool: Text;
  foreignLanguage?: Text;
  foreignLanguageLevel?: Text;
  education: Text;
  majorStudied: Text;
  currentSpecialty: Text;
  trainingSpecialty: Text;
  department: Text;
  unitAddress: Text;
  postcode?: Text;
  administrativePost?: Text;
  titleName?: Text;
  titleLevel: Text;
  phone: Text;
  email?: Text;
  unitContactName: Text;
  unitContactPhone: Text;
  emergencyContactName: Text;
  emergencyContactPhone: Text;
  hasDisqualifyingIllness: boolean | null | undefined;
  earlierTrainee: boolean | null | undefined;
  earlierTrainingYear?: number | null;
  earlierTrainingPlace?: Text;
  studyGoals: Text;
  mode: Text;
  intendedSpecialty: Text;
  preferenceRemarks?: Text;
  workHistory: { startMonth: Text; endMonth?: Text; work: Text; postOrTitle?: Text }[];
  awards: { awardedOn: Text; name: Text; level: Text }[];
  publications: { publishedOn: Text; titleAndContent: Text; publisher: Text }[];
  hostPreferences: HostPreferenceValues[];
}

/** The selection of ApplicationFormInput's fields on Application (the success's data reads it back). */
export const formFieldSelection = `
  id version status name gender ethnicity birthDate idNumber politicalStatus chineseProficiency graduateSchool
  foreignLanguage foreignLanguageLevel education majorStudied currentSpecialty trainingSpecialty department
  unitAddress postcode administrativePost titleName titleLevel phone email unitContactName unitContactPhone
  emergencyContactName emergencyContactPhone hasDisqualifyingIllness earlierTrainee earlierTrainingYear
  earlierTrainingPlace studyGoals mode intendedSpecialty preferenceRemarks
  workHistory { startMonth endMonth work postOrTitle }
  awards { awardedOn name level }
  publications { publishedOn titleAndContent publisher }
  hostPreferences { rank institution mentor hostAgreed contactName contactDepartment contactPost contactPhone }`;

const emptyWorkHistory = () => ({ startMonth: '', endMonth: '', work: '', postOrTitle: '' });
const emptyHostPreference = (): HostPreferenceValues => ({ institution: '', mentor: '', hostAgreed: false });

/** A new application: who the applicant registered as (birth date and gender as the ID number states them), one empty host preference. */
export function emptyFormValues(applicant: { name?: string; idNumber?: string | null; phone?: string | null }): ApplicationFormValues {
  const stated = parseResidentId(applicant.idNumber ?? '');
  return {
    ...(stated.ok ? { birthDate: stated.facts.birthDate, gender: stated.facts.gender } : {}),
    name: applicant.name ?? '',
    idNumber: applicant.idNumber ?? '',
    phone: applicant.phone ?? '',
    // The two declarations start unanswered: the applicant says 有/无 and 是/否 themselves.
    hasDisqualifyingIllness: null,
    earlierTrainee: null,
    workHistory: [emptyWorkHistory()],
    awards: [],
    publications: [],
    hostPreferences: [emptyHostPreference()],
  } as unknown as ApplicationFormValues;
}

/** An application of an earlier round as the next one starts from it: its answers, its round, and where its trainee trained. */
export type EarlierApplicationRecord = ApplicationRecord & {
  round: { id: string; name: string; year: number };
  placement: { host: { name: string } } | null;
  training: { hostInstitution: string } | null;
};

/**
 * A new application carried from the applicant's last one (issue 14 item 4): every answer as it
 * stood, to be checked and brought up to date. Where that application took part in its round
 * (selected, and whatever followed), form 2's 是否参加过特培 is answered from the record — the
 * year and the host it trained at — so that rule 6 reads the truth; the hosts' agreement to
 * receive is asked again, since it was given for that year.
 */
export function carriedFormValues(earlier: EarlierApplicationRecord): ApplicationFormValues {
  const values = recordToFormValues(earlier);
  const tookPart = (participatedStatuses as readonly string[]).includes(earlier.status);
  return {
    ...values,
    ...(tookPart
      ? {
          earlierTrainee: true,
          earlierTrainingYear: earlier.round.year,
          earlierTrainingPlace: earlier.training?.hostInstitution ?? earlier.placement?.host.name ?? values.earlierTrainingPlace ?? '',
        }
      : {}),
    hostPreferences: values.hostPreferences.map((preference) => ({
      ...preference,
      hostAgreed: false,
      contactName: '',
      contactDepartment: '',
      contactPost: '',
      contactPhone: '',
    })),
  };
}

/** The applicant's latest application of a round before `year`, if any: the one to carry on from. */
export function lastEarlierApplication<Row extends { id: string; round: { year: number } }>(applications: readonly Row[], year: number): Row | undefined {
  return applications.filter((application) => application.round.year < year).sort((a, b) => b.round.year - a.round.year)[0];
}

const month = (value: Text) => (value ? value.slice(0, 7) : '');

/** The application's stored answers as form values (months YYYY-MM, preferences in rank order). */
export function recordToFormValues(record: ApplicationRecord): ApplicationFormValues {
  const values = Object.fromEntries(
    formFieldSelection
      .replace(/\{[^}]*\}/g, ' ')
      .split(/\s+/)
      .filter((field) => field && !['id', 'version', 'status'].includes(field))
      .map((field) => [field, record[field] ?? '']),
  ) as unknown as ApplicationFormValues;
  return {
    ...values,
    earlierTrainingYear: (record.earlierTrainingYear as number | null) ?? null,
    // A draft saved before these were begun shows the empty row a new form starts with (a
    // draft does not store an empty row).
    workHistory: record.workHistory.length
      ? record.workHistory.map((item) => ({ ...item, startMonth: month(item.startMonth), endMonth: month(item.endMonth) }))
      : [emptyWorkHistory()],
    awards: record.awards.map((item) => ({ ...item })),
    publications: record.publications.map((item) => ({ ...item })),
    hostPreferences: record.hostPreferences.length
      ? [...record.hostPreferences].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...item }) => item)
      : [emptyHostPreference()],
  };
}

const trimmed = (value: Text) => (value ?? '').trim();
/** A yes/no as given, or null when not answered yet (a draft may leave it so). */
const answer = (value: unknown) => (typeof value === 'boolean' ? value : null);
const optional = (value: Text) => trimmed(value) || null;

/**
 * The values as ApplicationFormInput. Required text goes as typed (the API names an empty one at
 * its field); optional text, and a choice or date not made yet (which a draft may leave so), goes
 * as null: an empty string is no enum value nor date.
 */
export function toFormInput(values: ApplicationFormValues): Record<string, unknown> {
  return {
    name: trimmed(values.name),
    gender: optional(values.gender),
    ethnicity: optional(values.ethnicity),
    birthDate: optional(values.birthDate),
    idNumber: trimmed(values.idNumber),
    politicalStatus: optional(values.politicalStatus),
    chineseProficiency: optional(values.chineseProficiency),
    graduateSchool: trimmed(values.graduateSchool),
    foreignLanguage: optional(values.foreignLanguage),
    foreignLanguageLevel: optional(values.foreignLanguageLevel),
    education: optional(values.education),
    majorStudied: trimmed(values.majorStudied),
    currentSpecialty: trimmed(values.currentSpecialty),
    trainingSpecialty: trimmed(values.trainingSpecialty),
    department: trimmed(values.department),
    unitAddress: trimmed(values.unitAddress),
    postcode: optional(values.postcode),
    administrativePost: optional(values.administrativePost),
    titleName: optional(values.titleName),
    titleLevel: optional(values.titleLevel),
    phone: trimmed(values.phone),
    email: optional(values.email),
    unitContactName: trimmed(values.unitContactName),
    unitContactPhone: trimmed(values.unitContactPhone),
    emergencyContactName: trimmed(values.emergencyContactName),
    emergencyContactPhone: trimmed(values.emergencyContactPhone),
    hasDisqualifyingIllness: answer(values.hasDisqualifyingIllness),
    earlierTrainee: answer(values.earlierTrainee),
    earlierTrainingYear: values.earlierTrainee ? (values.earlierTrainingYear ?? null) : null,
    earlierTrainingPlace: values.earlierTrainee ? optional(values.earlierTrainingPlace) : null,
    studyGoals: trimmed(values.studyGoals),
    mode: optional(values.mode),
    intendedSpecialty: trimmed(values.intendedSpecialty),
    preferenceRemarks: optional(values.preferenceRemarks),
    workHistory: (values.workHistory ?? []).map((item) => ({
      startMonth: optional(item.startMonth),
      endMonth: optional(item.endMonth),
      work: trimmed(item.work),
      postOrTitle: optional(item.postOrTitle),
    })),
    awards: (values.awards ?? []).map((item) => ({ awardedOn: optional(item.awardedOn), name: trimmed(item.name), level: trimmed(item.level) })),
    publications: (values.publications ?? []).map((item) => ({
      publishedOn: optional(item.publishedOn),
      titleAndContent: trimmed(item.titleAndContent),
      publisher: trimmed(item.publisher),
    })),
    hostPreferences: (values.hostPreferences ?? []).map((item) => ({
      institution: trimmed(item.institution),
      mentor: optional(item.mentor),
      hostAgreed: item.hostAgreed === true,
      contactName: item.hostAgreed ? optional(item.contactName) : null,
      contactDepartment: item.hostAgreed ? optional(item.contactDepartment) : null,
      contactPost: item.hostAgreed ? optional(item.contactPost) : null,
      contactPhone: item.hostAgreed ? optional(item.contactPhone) : null,
    })),
  };
}
