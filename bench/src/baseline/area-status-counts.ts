// The analyst's table of applications by area × status in one round (applicationCounts with
// groupBy [AREA, STATUS]): one GROUP BY joined to the area names.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';
import { ApplicationStatus } from '@tepei/db/enums';
import { statusLabels } from '@tepei/db/reference/status-flow';
import { visibleApplications } from './actor.ts';

const statusOrder: string[] = Object.values(ApplicationStatus);

export async function areaStatusCounts(pool: pg.Pool, actor: Actor, variables: { roundYear: number }) {
  const visible = visibleApplications(actor, 2);
  const { rows } = await pool.query<{ areaId: string; code: string; name: string; status: string; count: number }>(
    `SELECT g."areaId", ar.code, ar.name, g.status, g.count
     FROM (SELECT a."areaId", a.status, count(*)::int AS count FROM "Application" a
           WHERE a."roundId" = (SELECT id FROM "Round" WHERE year = $1) AND ${visible.sql}
           GROUP BY a."areaId", a.status) g
     JOIN "Area" ar ON ar.id = g."areaId"`,
    [variables.roundYear, ...visible.params],
  );
  rows.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : statusOrder.indexOf(x.status) - statusOrder.indexOf(y.status)));
  return {
    data: {
      applicationCounts: {
        __typename: 'QueryApplicationCountsSuccess',
        data: rows.map((row) => ({
          count: row.count,
          keys: [
            { dimension: 'AREA', value: encodeGlobalID('Area', row.areaId), label: row.name },
            { dimension: 'STATUS', value: row.status, label: statusLabels[row.status as ApplicationStatus] },
          ],
        })),
      },
    },
  };
}
