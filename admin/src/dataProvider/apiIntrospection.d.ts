// The build's introspection of the API's schema (apiIntrospection.ts beside vite.config.ts).
declare module '*.graphql?introspection' {
  import type { IntrospectionSchema } from 'graphql';
  const introspection: IntrospectionSchema;
  export default introspection;
}
