// `import introspection from '…/api/schema.graphql?introspection'`: the API's printed schema
// turned into the introspection result when the console is built, not in the browser. Parsing
// and validating the SDL and building a schema from it took a quarter of a second of the
// sign-in page's main thread, on every load, for facts that change only with the API.
import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { Plugin } from 'vite';

const suffix = '?introspection';

export function apiIntrospection(): Plugin {
  return {
    name: 'tepei:api-introspection',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(suffix)) return null;
      const file = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
      return file ? `${file.id}${suffix}` : null;
    },
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      // Descriptions are for people reading the SDL; nothing in the console reads them.
      const introspection = introspectionFromSchema(buildSchema(readFileSync(file, 'utf8')), { descriptions: false }).__schema;
      // JSON.parse of a string literal is faster to load than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(introspection))});`;
    },
  };
}
