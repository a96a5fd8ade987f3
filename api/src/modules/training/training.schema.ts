// Orientation, training and completion, recorded by the regional bureau.
import { AssessmentResult } from '@tepei/db/enums';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { reserveCertificateCheck } from '../../auth/attempt-limits.ts';
import { ConcurrentModificationError, InvalidTransitionError, RateLimitedError, RoundFinishedError, RoundPhaseError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { TrainingModeEnum } from '../applications/application-enums.schema.ts';
import { ApplicationType } from '../applications/application.schema.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { stepPhaseText } from '../rounds/round-phase.ts';
import { audited } from '../audit/audit.service.ts';
import { formPaths } from '../forms/form-paths.ts';
import { certificateRoles, type CertificateVerification, verifyCertificate } from './certificates.service.ts';
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
    certificatePdf: t.string({
      nullable: true,
      description: '结业证书（PDF）的下载路径，GET 下载，须带同一 Authorization: Bearer 令牌；未发证书或无权下载时为空',
      select: { applicationId: true, certificateNumber: true },
      resolve: (record, _args, ctx) =>
        record.certificateNumber && ctx.actor && certificateRoles.includes(ctx.actor.role) ? formPaths.certificate(record.applicationId) : null,
    }),
    hostInstitution: t.exposeString('hostInstitution'),
    host: t.relation('host', { nullable: true, description: '培养单位名录中的培养单位' }),
    mentor: t.exposeString('mentor', { nullable: true }),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    plannedEndOn: t.expose('plannedEndOn', { type: 'Date' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true }),
    assessment: t.expose('assessment', { type: AssessmentResultEnum, nullable: true }),
    certificateNumber: t.exposeString('certificateNumber', { nullable: true }),
  }),
});

builder.prismaObjectField('Application', 'training', (t) => t.relation('training', { nullable: true }));

builder.prismaObject('OrientationAttendance', {
  description: '学员参加训前培训的登记',
  fields: (t) => ({
    session: t.relation('session'),
    attendedAt: t.expose('attendedAt', { type: 'DateTime', description: '登记时间' }),
  }),
});

builder.prismaObjectField('Application', 'orientation', (t) =>
  t.relation('attendance', { nullable: true, description: '已登记参加的训前培训；尚未登记的为空' }),
);

builder.prismaObjectField(RoundType, 'completionListXlsx', (t) =>
  t.string({
    nullable: true,
    description: '本年度结业名单（Excel）的下载路径（自治区人社厅；分析人员下载时身份证号已隐去）',
    authScopes: { wholeProgrammeReader: true },
    select: { year: true },
    resolve: (round) => formPaths.completionList(round.year),
  }),
);

const CertificateVerificationType = builder.objectRef<CertificateVerification>('CertificateVerification').implement({
  description: '结业证书查验结果：只说明证书真实有效，不含持证人的身份证号等个人信息',
  fields: (t) => ({
    certificateNumber: t.exposeString('certificateNumber'),
    holderName: t.exposeString('holderName', { description: '持证人姓氏，其余以＊代替' }),
    year: t.exposeInt('year', { description: '特培年度' }),
    mode: t.expose('mode', { type: TrainingModeEnum }),
    hostInstitution: t.exposeString('hostInstitution', { description: '培养单位' }),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    completedOn: t.expose('completedOn', { type: 'Date' }),
  }),
});

interface CertificateCheck {
  certificateNumber: string;
  certificate: CertificateVerification | null;
}

const CertificateCheckType = builder.objectRef<CertificateCheck>('CertificateCheck').implement({
  description: '按编号查验结业证书',
  fields: (t) => ({
    certificateNumber: t.exposeString('certificateNumber', { description: '所查的编号（已去空格并转为大写）' }),
    found: t.boolean({ description: '是否为本系统颁发的有效结业证书', resolve: (check) => check.certificate !== null }),
    certificate: t.field({ type: CertificateVerificationType, nullable: true, resolve: (check) => check.certificate }),
  }),
});

builder.queryField('verifyCertificate', (t) =>
  t.field({
    type: CertificateCheckType,
    description: '公开查验结业证书（无需登录）：按证书编号确认证书真实有效；同一网络地址每小时至多查验30次',
    authScopes: { public: true },
    errors: { types: [...commonErrors, RateLimitedError] },
    args: { certificateNumber: t.arg.string({ required: true, description: '证书编号，如 XJTP-2025-0001' }) },
    resolve: async (_root, args, ctx) => {
      await reserveCertificateCheck(ctx.clientAddress, ctx.now());
      const certificate = await verifyCertificate(args.certificateNumber);
      return { certificateNumber: certificate?.certificateNumber ?? args.certificateNumber.trim().toUpperCase(), certificate };
    },
  }),
);

builder.queryField('orientationSessions', (t) =>
  t.withAuth({ signedIn: true }).prismaField({
    type: ['OrientationSession'],
    description: '某年度的训前培训安排',
    args: { roundId: t.arg.globalID({ required: true, for: [RoundType] }) },
    resolve: (query, _root, args) => prisma.orientationSession.findMany({ ...query, where: { roundId: args.roundId.id }, orderBy: { heldOn: 'asc' } }),
  }),
);

// Each step is taken in the phases of its round (round-phases.ts): a round in another phase is
// refused as RoundPhaseError, a finished one as RoundFinishedError.
const trainingErrors = [...commonErrors, InvalidTransitionError, ConcurrentModificationError, RoundPhaseError, RoundFinishedError];
const target = (args: { id: { id: string } }) => ({ type: 'Application', id: args.id.id });

builder.mutationFields((t) => ({
  createOrientationSession: t.withAuth({ regional: true }).field({
    type: OrientationSessionType,
    errors: { types: [...commonErrors, RoundFinishedError, RoundPhaseError] },
    description: `安排训前培训（${stepPhaseText('scheduleOrientation')}；已结束的年度不能再安排）`,
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
    description: `登记学员已参加训前培训（${stepPhaseText('recordOrientation')}）`,
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
    description: `登记学员开始培养（${stepPhaseText('startTraining')}；培养单位与导师默认取自已确认的培养单位分配）`,
    errors: { types: trainingErrors },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      hostInstitution: t.arg.string({ required: false, description: '培养单位；默认为已确认分配的培养单位' }),
      mentor: t.arg.string({ required: false, description: '导师；默认为已确认分配的导师' }),
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
    description: `登记结业（${stepPhaseText('completeTraining')}）：考核结果为优秀或合格的，系统按年度顺序编发结业证书编号（XJTP-年份-序号）；不合格的不发证书`,
    errors: { types: trainingErrors },
    args: {
      id: t.arg.globalID({ required: true, for: [ApplicationType] }),
      version: t.arg.int({ required: true }),
      completedOn: t.arg({ type: 'Date', required: true }),
      assessment: t.arg({ type: AssessmentResultEnum, required: true }),
    },
    resolve: audited('completeTraining', target, (args, ctx) =>
      completeTraining(ctx.actor!, ctx.now(), args.id.id, args.version, {
        completedOn: args.completedOn,
        assessment: args.assessment,
      }),
    ),
  }),
}));
