// Imports every module (each registers its types on the builder), then builds the schema.
import { builder } from './builder.ts';
import './scalars.ts';
import './modules/system/health.schema.ts';

export const schema = builder.toSchema({ sortSchema: true });
