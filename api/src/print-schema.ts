// `pnpm schema:print`: writes the sorted SDL that analysts read, api/schema.graphql.
import fs from 'node:fs';
import { printedSchema, schemaFilePath } from './printed-schema.ts';

fs.writeFileSync(schemaFilePath, printedSchema());
console.log(`wrote ${schemaFilePath}`);
