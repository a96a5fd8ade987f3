// The API's own checks of forms 2 and 3 (api/src/modules/applications/application-form.ts),
// run in the browser so that the applicant sees each mistake at its field before saving, in the
// API's words. It is the same code, bundled: nothing to keep in step. The API checks again on
// save and stays the judge (its clock may be a day ahead of the browser's).
import type { ApplicationStatus } from '../../../prisma/generated/client/enums.ts';
import {
  saveCompleteness,
  validateApplicationForm,
  type ApplicationFormDraft,
  type FormCompleteness,
} from '../../../api/src/modules/applications/application-form.ts';
import { ValidationFailedError } from '../../../api/src/errors/domain-errors.ts';
import { normalizeResidentId, parseResidentId, residentIdProblemMessage } from '../../../prisma/src/reference/resident-id.ts';
import { beijingDate } from '../common/format.ts';
import { toFormInput, type ApplicationFormValues } from './applicationFormValues.ts';

export interface Problem {
  /** Path inside the form, e.g. ['hostPreferences', '0', 'contactPhone']. */
  path: string[];
  message: string;
}

/** Why an ID number is not a valid one (GB 11643-1999), or null: registration's check. */
export function idNumberProblem(raw: string | null | undefined): string | null {
  const idNumber = normalizeResidentId(raw ?? '');
  if (!idNumber) return '请填写身份证号';
  const parsed = parseResidentId(idNumber);
  return parsed.ok ? null : residentIdProblemMessage(parsed.problem, idNumber);
}

/**
 * Every problem of the form, at its field, as the API reports it (`today`: Beijing date). Saving
 * checks a `draft` (only what is filled in), submitting the whole form.
 */
export function applicationFormProblems(values: ApplicationFormValues, today: string, completeness: FormCompleteness = 'submission'): Problem[] {
  try {
    validateApplicationForm(toFormInput(values) as unknown as ApplicationFormDraft, { today, path: [], completeness });
    return [];
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.problems;
    throw error;
  }
}

/**
 * The form's `validate` for saving an application in `status` (a new one is a draft): the API's
 * rule for that save (saveCompleteness), on the applicant's Beijing date.
 */
export function saveValidator(status: string = 'DRAFT') {
  const completeness = saveCompleteness(status as ApplicationStatus);
  return (values: Record<string, unknown>) =>
    problemsToErrors(applicationFormProblems(values as unknown as ApplicationFormValues, beijingDate(new Date().toISOString()), completeness));
}

/**
 * Problems as react-admin's form errors: nested like the values (`{ hostPreferences: { 0: {
 * contactPhone: '…' } } }`), the first problem of a field only. A problem about a whole list
 * (too many preferences) goes to the list itself.
 */
export function problemsToErrors(problems: Problem[]): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const { path, message } of problems) {
    if (!path.length) continue;
    let node = errors;
    path.slice(0, -1).forEach((segment) => {
      if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    });
    const last = path[path.length - 1]!;
    if (node[last] === undefined) node[last] = message;
  }
  return errors;
}
