// A read of the API for a page of its own (not a react-admin resource): one query, no cache,
// failures as ApiError like every other request of the console.
import { parse } from 'graphql';
import { client } from '../dataProvider/client.ts';
import { toApiError } from '../dataProvider/errors.ts';

export async function readQuery<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  try {
    const { data } = await client.query<Data>({ query: parse(query), variables });
    return data;
  } catch (error) {
    throw toApiError(error);
  }
}
