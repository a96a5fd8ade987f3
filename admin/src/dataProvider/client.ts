// The Apollo client every request goes through: /graphql on the same origin (the API serves the
// console), the session's bearer token, and no cache — react-admin keeps its own (react-query).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client/core';
import { readSession } from '../session.ts';
import { possibleTypes } from './schema.ts';

const bearer = new ApolloLink((operation, forward) => {
  const token = readSession()?.token;
  if (token) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
  return forward(operation);
});

export const client = new ApolloClient({
  link: ApolloLink.from([bearer, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache({ possibleTypes }),
  defaultOptions: {
    query: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
    mutate: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
  },
});
