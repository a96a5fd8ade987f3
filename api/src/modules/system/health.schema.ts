import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';

interface HealthShape {
  ok: boolean;
  database: boolean;
  time: Date;
}

const Health = builder.objectRef<HealthShape>('Health').implement({
  description: '服务健康状况',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    database: t.exposeBoolean('database'),
    time: t.expose('time', { type: 'DateTime' }),
  }),
});

builder.queryField('health', (t) =>
  t.field({
    type: Health,
    description: '服务与数据库是否可用（无需登录）',
    authScopes: { public: true },
    resolve: async (_root, _args, ctx) => {
      const database = await prisma.$queryRaw`select 1`.then(
        () => true,
        () => false,
      );
      return { ok: database, database, time: ctx.now() };
    },
  }),
);
