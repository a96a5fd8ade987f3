// Accounts in the schema: the User type, signing in and out, registration, and the regional
// admin's account management. The rules are in accounts.service.ts; every mutation is audited
// with details that never carry a password.
import { offsetDescription, withOffset } from '../../offset-pages.plugin.ts';
import type { User } from '@tepei/db/client';
import { Role } from '@tepei/db/enums';
import { normalizeResidentId } from '@tepei/db/reference/resident-id';
import { GraphQLError } from 'graphql';
import type { Actor } from '../../auth/actor.ts';
import { hiddenResidentId } from '../../auth/personal-data.ts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { prisma } from '../../db.ts';
import { AuthenticationFailedError, ConflictError, RateLimitedError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { AreaType, EmployerUnitType } from '../areas-units/areas-units.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { maskPhone, maskResidentId } from '../audit/redact.ts';
import {
  createUser,
  verifyCredentials,
  startSignedInSession,
  logout,
  me,
  checkRegistration,
  createApplicantAccount,
  type AuthSession,
  type CheckedRegistration,
  revokeSessions,
  setUserDisabled,
  unlockUser,
  usersWhere,
  accountReaders,
  seesIdentifiersOf,
  shownUsername,
  usersOrder,
} from './accounts.service.ts';
import { isLockedAt } from './account-status.ts';

export const RoleEnum = builder.enumType('Role', {
  description: '账户角色',
  values: {
    APPLICANT: { value: Role.APPLICANT, description: '申报人' },
    EMPLOYER: { value: Role.EMPLOYER, description: '用人单位审核员' },
    PREFECTURE: { value: Role.PREFECTURE, description: '地州市人社局 / 自治区厅（局） / 兵团审核员' },
    REGIONAL: { value: Role.REGIONAL, description: '自治区人社厅管理员' },
    ANALYST: { value: Role.ANALYST, description: '数据分析（只读，个人信息脱敏）' },
  } as const,
});

export const UserType = builder.prismaObject('User', {
  description: '系统账户（申报人以身份证号为用户名）',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.string({
      description: '用户名；申报人的用户名即身份证号，故同样隐去',
      resolve: (user, _args, ctx) => shownUsername(ctx.actor, user),
    }),
    displayName: t.exposeString('displayName', { description: '姓名' }),
    role: t.expose('role', { type: RoleEnum }),
    area: t.relation('area', { nullable: true, description: '地州市审核员所辖地区' }),
    unit: t.relation('unit', { nullable: true, description: '用人单位审核员所在单位；申报人注册时所选单位' }),
    idNumber: t.string({
      nullable: true,
      description: '身份证号（本人与自治区管理员可见全文，其他人脱敏）',
      resolve: (user, _args, ctx) => (user.idNumber && !seesIdentifiersOf(ctx.actor, user.id) ? hiddenResidentId : user.idNumber),
    }),
    phone: t.string({
      nullable: true,
      description: '手机号码（本人与自治区管理员可见全文，其他人脱敏）',
      resolve: (user, _args, ctx) => (user.phone && !seesIdentifiersOf(ctx.actor, user.id) ? maskPhone(user.phone) : user.phone),
    }),
    disabled: t.exposeBoolean('disabled', { description: '是否已停用' }),
    lockedUntil: t.expose('lockedUntil', { type: 'DateTime', nullable: true, description: '最近一次因登录失败临时锁定至此时（锁定可能只针对失败所在的网络地址）' }),
    isLocked: t.boolean({
      description: '当前是否处于临时锁定中（按服务器时间判断）；解锁账户即解除所有网络地址的锁定',
      select: { lockedUntil: true },
      resolve: (user, _args, ctx) => isLockedAt(user, ctx.now()),
    }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuthPayload = builder.objectRef<AuthSession>('AuthPayload').implement({
  description: '登录凭证：之后的请求带上 Authorization: Bearer <token>',
  fields: (t) => ({
    token: t.exposeString('token', { description: '仅此一次返回，服务器只保存其摘要' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: UserType, resolve: (session) => session.user }),
  }),
});

const RegisterInput = builder.inputType('RegisterInput', {
  description: '申报人注册（用户名为身份证号）',
  fields: (t) => ({
    idNumber: t.string({ required: true, description: '18位居民身份证号，末位x按X处理' }),
    name: t.string({ required: true, description: '姓名' }),
    phone: t.string({ required: true, description: '本人手机号码' }),
    unitId: t.string({ required: true, description: '用人单位（registrationUnits 返回的 unitId）' }),
    password: t.string({ required: true, description: '至少8位，须同时包含字母和数字' }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: '新建审核员、管理员或分析账户（申报人自行注册）',
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string({ required: true, description: '姓名' }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({ required: true, description: '初始密码：至少8位，须同时包含字母和数字' }),
    areaId: t.globalID({ for: [AreaType], description: '地州市审核员必填：所辖地区' }),
    unitId: t.globalID({ for: [EmployerUnitType], description: '用人单位审核员必填：所在单位' }),
  }),
});

/** Scope-auth has already refused anonymous callers; this only satisfies the type checker. */
function actorOf(ctx: Context): Actor {
  if (!ctx.actor) throw new GraphQLError('请先登录', { extensions: { code: 'UNAUTHENTICATED' } });
  return ctx.actor;
}

/** A username that is an ID number is masked before it reaches the audit log. */
function auditedUsername(username: string): string {
  const trimmed = username.trim();
  return /\d{15}/.test(trimmed) ? maskResidentId(normalizeResidentId(trimmed)) : trimmed;
}

const userTarget = (args: { userId: string }) => ({ type: 'User', id: args.userId });

builder.queryFields((t) => ({
  me: t.withAuth({ signedIn: true }).prismaField({
    type: 'User',
    description: '当前登录的账户',
    resolve: (query, _root, _args, ctx) => me(ctx.actor, query),
  }),
  users: t.prismaConnection(
    {
      type: 'User',
      // Not the username: an applicant's is their ID number, and cursors are only base64.
      cursor: 'id',
      description: '账户列表（自治区管理员与数据分析）：自治区管理员按用户名排序；数据分析账号按角色、创建时间排序（申报人的用户名即身份证号）',
      authScopes: accountReaders,
      args: {
        role: t.arg({ type: RoleEnum, required: false, description: '只列出该角色' }),
        offset: t.arg.int({ required: false, description: offsetDescription }),
      },
      resolve: (query, _root, args, ctx) =>
        prisma.user.findMany({ ...withOffset(query, args), where: usersWhere(actorOf(ctx), args), orderBy: usersOrder(actorOf(ctx)) }),
      totalCount: (_root, args, ctx) => prisma.user.count({ where: usersWhere(actorOf(ctx), args) }),
    },
    { description: '账户分页' },
  ),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: AuthPayload,
    description: '用户名与密码登录；同一网络地址失败5次（或各地址合计10次）临时锁定15分钟；同一网络地址15分钟内失败30次暂停登录',
    authScopes: { public: true },
    errors: { types: [...commonErrors, AuthenticationFailedError, RateLimitedError] },
    args: {
      username: t.arg.string({ required: true, description: '用户名（申报人为身份证号）' }),
      password: t.arg.string({ required: true }),
    },
    resolve: audited<{ username: string; password: string }, AuthSession, User>(
      'login',
      () => ({ type: 'User' }),
      (_args, ctx, user) => startSignedInSession(user, ctx.now()),
      {
        details: ({ username }) => ({ username: auditedUsername(username) }),
        prepare: ({ username, password }, ctx) => verifyCredentials(username, password, ctx.now(), ctx.clientAddress),
      },
    ),
  }),
  register: t.field({
    type: AuthPayload,
    description: '申报人注册并登录；同一网络地址每小时至多注册10次',
    authScopes: { public: true },
    errors: { types: [...commonErrors, ConflictError, RateLimitedError] },
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    resolve: audited<{ input: typeof RegisterInput.$inferInput }, AuthSession, CheckedRegistration>(
      'register',
      () => ({ type: 'User' }),
      (_args, ctx, checked) => createApplicantAccount(checked, ctx.now()),
      {
        details: ({ input }) => ({
          idNumber: maskResidentId(normalizeResidentId(input.idNumber)),
          name: input.name,
          phone: maskPhone(input.phone),
          unitId: input.unitId,
        }),
        prepare: ({ input }, ctx) => checkRegistration(input, ctx.now(), ctx.clientAddress),
      },
    ),
  }),
  logout: t.withAuth({ signedIn: true }).boolean({
    description: '退出登录（注销当前会话）',
    errors: { types: commonErrors },
    resolve: audited(
      'logout',
      () => ({ type: 'Session' }),
      (_args: object, ctx) => logout(actorOf(ctx), ctx.now()),
      () => undefined,
    ),
  }),
  createUser: t.prismaField({
    type: 'User',
    description: '新建账户（自治区管理员）',
    authScopes: { regional: true },
    errors: { types: [...commonErrors, ConflictError] },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (query, root, args, ctx, info) =>
      audited(
        'createUser',
        () => ({ type: 'User' }),
        ({ input }: typeof args, ctx) =>
          createUser(ctx.actor, { ...input, areaId: input.areaId?.id ?? null, unitId: input.unitId?.id ?? null }, query),
        // Everything but the password.
        ({ input }) => ({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          areaId: input.areaId?.id ?? null,
          unitId: input.unitId?.id ?? null,
        }),
      )(root, args, ctx, info),
  }),
  setUserDisabled: t.prismaField({
    type: 'User',
    description: '停用或启用账户；停用同时注销其全部会话（自治区管理员）',
    authScopes: { regional: true },
    errors: { types: commonErrors },
    args: {
      userId: t.arg.id({ required: true }),
      disabled: t.arg.boolean({ required: true }),
    },
    resolve: (query, root, args, ctx, info) =>
      audited<typeof args, User>(
        'setUserDisabled',
        userTarget,
        ({ userId, disabled }, ctx) => setUserDisabled(ctx.actor, userId, disabled, ctx.now(), query),
        ({ disabled }) => ({ disabled }),
      )(root, args, ctx, info),
  }),
  revokeUserSessions: t.prismaField({
    type: 'User',
    description: '注销账户的全部会话（自治区管理员）',
    authScopes: { regional: true },
    errors: { types: commonErrors },
    args: { userId: t.arg.id({ required: true }) },
    resolve: (query, root, args, ctx, info) =>
      audited<typeof args, User>(
        'revokeUserSessions',
        userTarget,
        ({ userId }, ctx) => revokeSessions(ctx.actor, userId, ctx.now(), query),
        () => undefined,
      )(root, args, ctx, info),
  }),
  unlockUser: t.prismaField({
    type: 'User',
    description: '解除临时锁定并清零失败次数（自治区管理员）',
    authScopes: { regional: true },
    errors: { types: commonErrors },
    args: { userId: t.arg.id({ required: true }) },
    resolve: (query, root, args, ctx, info) =>
      audited<typeof args, User>(
        'unlockUser',
        userTarget,
        ({ userId }, ctx) => unlockUser(ctx.actor, userId, query),
        () => undefined,
      )(root, args, ctx, info),
  }),
}));
