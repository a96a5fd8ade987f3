// A refusal of the API as the form shows it: a ValidationFailedError's problems at their fields
// (paths start at the mutation's argument, e.g. ["form", "idNumber"]), anything else as a message.
import type { FieldProblem } from '../dataProvider/errors.ts';
import { problemsToErrors } from './formValidation.ts';

export interface Refusal {
  message: string;
  /** react-admin form errors, nested like the values; empty when no field is named. */
  fieldErrors: Record<string, unknown>;
}

export function refusalOf(error: unknown, argument: string): Refusal {
  const message = error instanceof Error ? error.message : String(error);
  const problems = (error as { problems?: FieldProblem[] } | null)?.problems;
  if (!Array.isArray(problems) || !problems.length) return { message, fieldErrors: {} };
  const atFields = problems
    .filter((problem) => problem.path[0] === argument && problem.path.length > 1)
    .map((problem) => ({ ...problem, path: problem.path.slice(1) }));
  return { message, fieldErrors: problemsToErrors(atFields) };
}
