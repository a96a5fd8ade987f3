// Paths given to a `pnpm db:*` command: pnpm runs the script in prisma/, so a relative path
// is taken from where the user typed the command (INIT_CWD), as they expect.
import path from 'node:path';

export const fromInvocationDir = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
