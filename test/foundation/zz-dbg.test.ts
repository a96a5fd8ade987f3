import { it } from 'vitest';
import { seed } from '@tepei/db/seed';
import { createTestDatabase } from '/work/main/test/support/database.ts';
it('dbg', async () => {
  const database = await createTestDatabase();
  await seed(database.prisma, { today: new Date('2026-11-29T08:00:00+08:00') });
  const all = await database.prisma.statusChange.findMany({ include: { actor: { select: { role: true, unitId: true, areaId: true } }, application: { select: { unitId: true, areaId: true, applicantId: true } } } });
  const missing = all.filter((x) => x.actorId && !x.actor);
  console.log(all.length, missing.length, JSON.stringify(missing.slice(0, 2)));
  const m2 = all.filter((x) => x.actorRole !== 'APPLICANT' && x.actor?.role !== x.actorRole);
  console.log(m2.length, JSON.stringify(m2.slice(0, 2)));
  await database.close();
}, 120000);
