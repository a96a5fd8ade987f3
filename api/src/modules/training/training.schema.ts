// Orientation, training and completion, recorded by the regional bureau.
import { AssessmentResult } from '@tepei/db/enums';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { ConcurrentModificationError, InvalidTransitionError, RoundFinishedError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { ApplicationType } from '../applications/application.schema.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { completeTraining, createOrientationSession, recordOrientation, startTraining } from './training.service.ts';

const AssessmentResultEnum = builder.enumType(AssessmentResult, {
  name: 'AssessmentResult',
  description: '结业考核：EXCELLENT 优秀，QUALIFIED 合格，UNQUALIFIED 不合格',
});

export const OrientationSessionType = builder.prismaNode('OrientationSession', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '训前培训',
  authScopes: { signedIn: true },
  fields: (t) => ({
    title: t.exposeString('title'),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    place: t.exposeString('place'),
    round: t.relation('round'),
  }),
});

builder.prismaObject('TrainingRecord', {
  description: '培养与结业记录',
  fields: (t) => ({
    hostInstitution: t.exposeString('hostInstitution'),
    mentor: t.exposeString('mentor', { nullable: true }),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    plannedEndOn: t.expose('plannedEndOn', { type: 'Date' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true }),
    assessment: t.expose('assessment', { type: AssessmentResultEnum, nullable: true }),
    certificateNumber: t.exposeString('certificateNumber', { nullable: true }),
  }),
});

builder.prismaObjectField('Application', 'training', (t) => t.relation('training', { nullable: true }));

builder.queryField('orientationSessions', (t) =>
  t.withAuth({ signedIn: true }).prismaField({
    type: ['OrientationSession'],
    description: '某年度的训前培训安排',
    args: { roundId: t.arg.globalID({ required: true, for: [RoundType] }) },
    resolve: (query, _root, args) => prisma.orientationSession.findMany({ ...query, where: { roundId: args.roundId.id }, orderBy: { heldOn: 'asc' } }),
  }),
);

const trainingErrors = [...commonErrors, InvalidTransitionError, ConcurrentModificationError];
const target = (args: { id: { id: string } }) => ({ type: 'Application', id: args.id.id });

builder.mutationFields((t) => ({
  createOrientationSession: t.withAuth({ regional: true }).field({
    type: OrientationSessionType,
    errors: { types: [...commonErrors, RoundFinishedError] },
    description: '安排训前培训（已结束的年度不能再安排）',
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      title: t.arg.string({ required: true }),
      heldOn: t.arg({ type: 'Date', required: true }),
      place: t.arg.string({ required: true }),
    },
    resolve: audited(
      'createOrientationSession',
      () => ({ type: 'OrientationSession' }),
      (args, ctx) => createOrientationSession(ctx.actor!, ctx.now(), { roundId: args.roundId.id, title: args.title, heldOn: args.heldOn, place: args.place }),
    ),
  }),
  recordOrientation: t.withAuth({ regional: true }).field({
    type: ApplicationType,
    description: '登记学员已参加训前培训',
    errors: { types: trainingErrors },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      sessionId: t.arg.globalID({ required: true, for: [OrientationSessionType] }),
    },
    resolve: audited('recordOrientation', target, (args, ctx) =>
      recordOrientation(ctx.actor!, ctx.now(), args.id.id, args.version, args.sessionId.id),
    ),
  }),
  startTraining: t.withAuth({ regional: true }).field({
    type: ApplicationType,
    description: '登记学员开始培养',
    errors: { types: trainingErrors },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      hostInstitution: t.arg.string({ required: true }),
      mentor: t.arg.string({ required: false }),
      startedOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: audited('startTraining', target, (args, ctx) =>
      startTraining(ctx.actor!, ctx.now(), args.id.id, args.version, {
        hostInstitution: args.hostInstitution,
        mentor: args.mentor,
        startedOn: args.startedOn,
      }),
    ),
  }),
  completeTraining: t.withAuth({ regional: true }).field({
    type: ApplicationType,
    description: '登记结业（考核结果、证书编号）',
    errors: { types: trainingErrors },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      completedOn: t.arg({ type: 'Date', required: true }),
      assessment: t.arg({ type: AssessmentResultEnum, required: true }),
      certificateNumber: t.arg.string({ required: false }),
    },
    resolve: audited('completeTraining', target, (args, ctx) =>
      completeTraining(ctx.actor!, ctx.now(), args.id.id, args.version, {
        completedOn: args.completedOn,
        assessment: args.assessment,
        certificateNumber: args.certificateNumber,
      }),
    ),
  }),
}));
