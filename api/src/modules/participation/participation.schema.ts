// A person across rounds (issue 14 item 4; DOMAIN.md rule 6): earlier trainees may be
// recommended again only for outstanding achievement after returning. Form 2 asks the applicant
// (是否参加过特培学习), and the system's own history answers too: the same ID number selected in
// an earlier round. Reviewers of the application see it (round, status, host, assessment), as a
// summary rather than the earlier application itself, which may lie outside their scope.
import type { ApplicationStatus } from '@tepei/db/client';
import { normalizeResidentId } from '@tepei/db/reference/resident-id';
import { statusLabels } from '@tepei/db/reference/status-flow';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { participationsWhere } from '../eligibility/eligibility.loader.ts';

interface EarlierParticipation {
  year: number;
  roundName: string;
  status: ApplicationStatus;
  hostInstitution: string | null;
  assessment: string | null;
  completedOn: Date | null;
}

const EarlierParticipationType = builder.objectRef<EarlierParticipation>('EarlierParticipation').implement({
  description: '同一身份证号在以往年度入选特培的记录（系统记录，不依赖申报人填报）',
  fields: (t) => ({
    year: t.exposeInt('year'),
    roundName: t.exposeString('roundName'),
    status: t.exposeString('status', { description: '该年度申报的最终状态（ApplicationStatus）' }),
    statusLabel: t.string({ resolve: (row) => statusLabels[row.status] }),
    hostInstitution: t.exposeString('hostInstitution', { nullable: true, description: '培养单位' }),
    assessment: t.exposeString('assessment', { nullable: true, description: '结业考核（AssessmentResult）' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true }),
  }),
});

builder.prismaObjectField('Application', 'earlierParticipations', (t) =>
  t.field({
    type: [EarlierParticipationType],
    description: '推荐条件六：此人在以往年度入选特培的记录（按身份证号查得）；非空时须有返岗后的突出业绩方可再次推荐',
    select: { idNumber: true, round: { select: { year: true } } },
    resolve: async (application) => {
      const earlier = await prisma.application.findMany({
        where: { AND: [participationsWhere([normalizeResidentId(application.idNumber)]), { round: { year: { lt: application.round.year } } }] },
        select: { status: true, round: { select: { year: true, name: true } }, training: { select: { hostInstitution: true, assessment: true, completedOn: true } } },
        orderBy: { round: { year: 'desc' } },
      });
      return earlier.map((row) => ({
        year: row.round.year,
        roundName: row.round.name,
        status: row.status,
        hostInstitution: row.training?.hostInstitution ?? null,
        assessment: row.training?.assessment ?? null,
        completedOn: row.training?.completedOn ?? null,
      }));
    },
  }),
);
