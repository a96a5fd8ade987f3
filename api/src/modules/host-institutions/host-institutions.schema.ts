// 培养单位名录 in the schema: the registry every signed-in user reads (applicants pick from it on
// form 3), its places per round, and the hosts applicants proposed, which the regional bureau
// lists or refuses (host-institutions.service.ts).
import { HostKind, HostProposalStatus } from '@tepei/db/enums';
import { modeOfProvince, provinces } from '@tepei/db/reference/provinces';
import { shownContactPerson, shownPhone } from '../../auth/personal-data.ts';
import { builder } from '../../builder.ts';
import { prisma } from '../../db.ts';
import { ConflictError, RoundFinishedError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { TrainingModeEnum } from '../applications/application-enums.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import {
  acceptHostProposal,
  createHostInstitution,
  refuseHostProposal,
  setHostPlaces,
  updateHostInstitution,
} from './host-institutions.service.ts';

const HostKindEnum = builder.enumType(HostKind, {
  name: 'HostKind',
  description: '培养单位类别：UNIVERSITY 高校，RESEARCH_INSTITUTE 科研院所，ENTERPRISE 企事业单位',
});

const HostProposalStatusEnum = builder.enumType(HostProposalStatus, {
  name: 'HostProposalStatus',
  description: '申报人提出的名录外培养单位：PENDING 待审核，ACCEPTED 已列入名录，REFUSED 不予列入',
});

export const HostInstitutionType = builder.prismaNode('HostInstitution', {
  id: { field: 'id' },
  nullable: true,
  description: '培养单位（名录）',
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    province: t.exposeString('province', { description: '所在省级行政区' }),
    kind: t.expose('kind', { type: HostKindEnum }),
    mode: t.field({
      type: TrainingModeEnum,
      description: '培养方式：新疆境内为当地培养，其余为异地培养',
      select: { province: true },
      resolve: (host) => modeOfProvince(host.province),
    }),
    specialties: t.exposeStringList('specialties', { description: '可接收的培养专业' }),
    mentors: t.exposeStringList('mentors', { description: '可选导师' }),
    contactName: t.string({
      nullable: true,
      description: '联系人（数据分析账号不显示）',
      select: { contactName: true },
      resolve: (host, _args, ctx) => shownContactPerson(ctx.actor!, host.contactName),
    }),
    contactPhone: t.string({
      nullable: true,
      description: '联系电话（数据分析账号脱敏）',
      select: { contactPhone: true },
      resolve: (host, _args, ctx) => shownPhone(ctx.actor!, host.contactPhone),
    }),
    address: t.exposeString('address', { nullable: true }),
    places: t.relation('places', {
      description: '某年度提供的名额',
      args: { roundId: t.arg.globalID({ required: true, for: [RoundType] }) },
      query: (args) => ({ where: { roundId: args.roundId.id } }),
    }),
  }),
});

const HostPlacesType = builder.prismaObject('HostPlaces', {
  description: '培养单位在某年度某培养方式下提供的名额',
  fields: (t) => ({
    mode: t.expose('mode', { type: TrainingModeEnum }),
    places: t.exposeInt('places'),
    host: t.relation('hostInstitution'),
    round: t.relation('round'),
  }),
});

export const HostProposalType = builder.prismaNode('HostProposal', {
  id: { field: 'id' },
  nullable: true,
  description: '申报人在附件3中填写、名录中没有的培养单位',
  authScopes: { wholeProgrammeReader: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.expose('status', { type: HostProposalStatusEnum }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    refusalReason: t.exposeString('refusalReason', { nullable: true }),
    host: t.relation('hostInstitution', { nullable: true, description: '列入名录后的培养单位' }),
    preferenceCount: t.int({
      description: '填写此名称的志愿数',
      select: { name: true },
      resolve: (proposal) => prisma.hostPreference.count({ where: { institution: proposal.name } }),
    }),
  }),
});

builder.prismaObjectField('HostPreference', 'hostInstitution', (t) =>
  t.relation('hostInstitution', { nullable: true, description: '名录中的培养单位；为空时为名录外的单位（待审核或不予列入）' }),
);

builder.queryFields((t) => ({
  hostInstitutions: t.withAuth({ signedIn: true }).prismaField({
    type: ['HostInstitution'],
    description: '培养单位名录（按培养方式筛选：异地培养为新疆以外，当地培养为新疆境内）',
    args: { mode: t.arg({ type: TrainingModeEnum, required: false }) },
    resolve: (query, _root, args) =>
      prisma.hostInstitution.findMany({
        ...query,
        where: args.mode === 'LOCAL' ? { province: '新疆维吾尔自治区' } : args.mode === 'REMOTE' ? { province: { not: '新疆维吾尔自治区' } } : {},
        orderBy: [{ province: 'asc' }, { name: 'asc' }],
      }),
  }),
  hostProposals: t.withAuth({ wholeProgrammeReader: true }).prismaField({
    type: ['HostProposal'],
    description: '申报人提出的名录外培养单位（默认仅待审核的）',
    args: { status: t.arg({ type: HostProposalStatusEnum, required: false }) },
    resolve: (query, _root, args) =>
      prisma.hostProposal.findMany({ ...query, where: { status: args.status ?? 'PENDING' }, orderBy: [{ proposedAt: 'asc' }, { name: 'asc' }] }),
  }),
  hostProvinces: t.withAuth({ signedIn: true }).stringList({
    description: '培养单位可选的省级行政区',
    resolve: () => [...provinces],
  }),
}));

const HostInstitutionInput = builder.inputType('HostInstitutionInput', {
  description: '培养单位名录条目',
  fields: (t) => ({
    name: t.string({ required: true }),
    province: t.string({ required: true, description: '所在省级行政区（hostProvinces 之一）' }),
    kind: t.field({ type: HostKindEnum, required: true }),
    specialties: t.stringList({ required: false }),
    mentors: t.stringList({ required: false }),
    contactName: t.string({ required: false }),
    contactPhone: t.string({ required: false }),
    address: t.string({ required: false }),
  }),
});

const hostTarget = (args: { id: { id: string } }) => ({ type: 'HostInstitution', id: args.id.id });

builder.mutationFields((t) => ({
  createHostInstitution: t.withAuth({ regional: true }).field({
    type: HostInstitutionType,
    description: '列入培养单位名录；填写同名志愿的申报随即关联到该单位',
    errors: { types: [...commonErrors, ConflictError] },
    args: { input: t.arg({ type: HostInstitutionInput, required: true }) },
    resolve: audited('createHostInstitution', () => ({ type: 'HostInstitution' }), (args, ctx) => createHostInstitution(ctx.actor!, ctx.now(), args.input)),
  }),
  updateHostInstitution: t.withAuth({ regional: true }).field({
    type: HostInstitutionType,
    description: '修改培养单位名录条目',
    errors: { types: [...commonErrors, ConflictError] },
    args: { id: t.arg.globalID({ required: true, for: [HostInstitutionType] }), input: t.arg({ type: HostInstitutionInput, required: true }) },
    resolve: audited('updateHostInstitution', hostTarget, (args, ctx) => updateHostInstitution(ctx.actor!, args.id.id, args.input)),
  }),
  setHostPlaces: t.withAuth({ regional: true }).field({
    type: HostPlacesType,
    description: '设置培养单位在某年度的名额（培养方式须与其所在地相符；不少于已分配的学员数）',
    errors: { types: [...commonErrors, RoundFinishedError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      hostId: t.arg.globalID({ required: true, for: [HostInstitutionType] }),
      mode: t.arg({ type: TrainingModeEnum, required: true }),
      places: t.arg.int({ required: true }),
    },
    resolve: audited(
      'setHostPlaces',
      (args) => ({ type: 'HostInstitution', id: args.hostId.id }),
      (args, ctx) => setHostPlaces(ctx.actor!, ctx.now(), args.roundId.id, args.hostId.id, args.mode, args.places),
    ),
  }),
  acceptHostProposal: t.withAuth({ regional: true }).field({
    type: HostInstitutionType,
    description: '将申报人提出的培养单位列入名录（可修正名称并补全信息）；填写该名称的志愿随即关联',
    errors: { types: [...commonErrors, ConflictError] },
    args: { id: t.arg.globalID({ required: true, for: [HostProposalType] }), input: t.arg({ type: HostInstitutionInput, required: true }) },
    resolve: audited(
      'acceptHostProposal',
      (args) => ({ type: 'HostProposal', id: args.id.id }),
      (args, ctx) => acceptHostProposal(ctx.actor!, ctx.now(), args.id.id, args.input),
    ),
  }),
  refuseHostProposal: t.withAuth({ regional: true }).field({
    type: HostProposalType,
    description: '不予列入申报人提出的培养单位（志愿原文保留，不参加培养单位分配）',
    errors: { types: [...commonErrors, ConflictError] },
    args: { id: t.arg.globalID({ required: true, for: [HostProposalType] }), reason: t.arg.string({ required: true }) },
    resolve: audited(
      'refuseHostProposal',
      (args) => ({ type: 'HostProposal', id: args.id.id }),
      (args, ctx) => refuseHostProposal(ctx.actor!, ctx.now(), args.id.id, args.reason),
    ),
  }),
}));
