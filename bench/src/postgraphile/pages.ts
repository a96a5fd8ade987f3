// The operations PostGraphile answers beside the API and the baseline: each one's document in
// PostGraphile's own schema, its variables from the API's, and its answer in the API's shape.
import type { OperationName } from '../operations.ts';
import { queuePage } from './queue-page.ts';

export interface PostGraphilePage {
  document: string;
  /** From the variables the API is sent, and the bench's "today". */
  variables(operationVariables: Record<string, unknown>, now: Date): Record<string, unknown>;
  /** PostGraphile's parsed answer as the API would give it. */
  apiAnswer(answer: unknown): unknown;
}

export const postgraphilePages: Partial<Record<OperationName, PostGraphilePage>> = { queue: queuePage };
