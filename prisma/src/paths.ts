import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `prisma/` folder: schema, migrations, seed. */
export const prismaDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoRoot = path.dirname(prismaDir);
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
/** Where the embedded database keeps its files unless told otherwise. */
export const defaultDataDir = path.join(repoRoot, 'data', 'pglite');
