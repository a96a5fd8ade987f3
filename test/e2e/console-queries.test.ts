// The console bundles api/schema.graphql and builds its queries from it (admin/src/dataProvider).
// When the API's schema changes under it, this fails here rather than in a reviewer's browser.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { meQuery } from '../../admin/src/authProvider.ts';
import { aggregateQueries } from '../../admin/src/dataProvider/aggregates.ts';
import { buildQueryFactory, connectionQuery } from '../../admin/src/dataProvider/buildQuery.ts';
import { mutationDocument } from '../../admin/src/dataProvider/callMutation.ts';
import { formFileQueries } from '../../admin/src/dataProvider/formFiles.ts';
import { uploadMutations } from '../../admin/src/dataProvider/uploads.ts';
import { resources } from '../../admin/src/dataProvider/resources.ts';
import { reviewMutations } from '../../admin/src/dataProvider/reviews.ts';
import { applicantQueries } from '../../admin/src/applicant/applicantRequests.ts';
import { finishedRoundsQuery } from '../../admin/src/rounds/roundState.ts';
import {
  completeTrainingMutation,
  createOrientationSessionMutation,
  recordOrientationMutation,
  startTrainingMutation,
  trainingQueries,
} from '../../admin/src/training/trainingRequests.ts';

const schema = buildSchema(readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8'));
const buildQuery = buildQueryFactory(undefined as never);
const listParams = { pagination: { page: 1, perPage: 25 }, sort: { field: 'submittedAt', order: 'ASC' }, filter: { status: 'SUBMITTED', mode: 'REMOTE', q: '阿' } };

function errorsOf(document: DocumentNode): string[] {
  return validate(schema, document).map((error) => `${error.message}\n${print(document)}`);
}

describe('the console queries the API through its one schema', () => {
  it.each(Object.keys(resources))('reads %s with queries the schema accepts', (resource) => {
    const spec = resources[resource]!;
    const documents = [buildQuery('GET_LIST', resource, listParams).query];
    if (spec.paginated) documents.push(connectionQuery(resource, spec, 'pageInfo { endCursor hasNextPage }'));
    if (spec.nodeType) {
      documents.push(buildQuery('GET_ONE', resource, { id: 'x' }).query, buildQuery('GET_MANY', resource, { ids: ['x'] }).query);
    }
    expect(documents.flatMap(errorsOf)).toEqual([]);
  });

  it('passes only the filters the API knows (ApplicationFilter)', () => {
    const { variables } = buildQuery('GET_LIST', 'applications', { ...listParams, filter: { ...listParams.filter, unknown: 1 } });
    expect(variables).toMatchObject({ filter: { statuses: ['SUBMITTED'], mode: 'REMOTE', nameContains: '阿' }, orderBy: [{ field: 'SUBMITTED_AT', direction: 'ASC' }] });
    expect(variables?.filter).not.toHaveProperty('unknown');
  });

  it('asks for the signed-in user and the dashboard aggregates with queries the schema accepts', () => {
    expect([meQuery, ...Object.values(aggregateQueries)].map((query) => parse(query)).flatMap(errorsOf)).toEqual([]);
  });

  it('asks for form files, documents, applicants’ pages, rounds and training with queries the schema accepts', () => {
    expect([...Object.values(formFileQueries), ...Object.values(trainingQueries), ...Object.values(applicantQueries), finishedRoundsQuery].map((query) => parse(query)).flatMap(errorsOf)).toEqual([]);
  });

  it('signs in, out, reviews and uploads scans with mutations the schema accepts', () => {
    const specs = [
      ...Object.values(reviewMutations),
      ...Object.values(uploadMutations),
      completeTrainingMutation,
      createOrientationSessionMutation,
      recordOrientationMutation,
      startTrainingMutation,
      { field: 'login', variables: '$username: String!, $password: String!', data: 'token expiresAt user { id username displayName role }' },
      { field: 'logout', variables: '', data: '' },
    ];
    expect(specs.map(mutationDocument).flatMap(errorsOf)).toEqual([]);
  });
});
