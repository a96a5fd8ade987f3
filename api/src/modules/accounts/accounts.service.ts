// Accounts: signing in and out, applicants registering themselves, and the regional admin
// managing reviewer accounts. Every function is given the acting user and the instant it
// acts at, so tests can stand anywhere in time.
import { Prisma, type User } from '@tepei/db/client';
import type { Role } from '@tepei/db/enums';
import { normalizeResidentId, parseResidentId, residentIdProblemMessage } from '@tepei/db/reference/resident-id';
import type { Actor } from '../../auth/actor.ts';
import { hashPassword, passwordPolicyProblem, verifyAgainstNothing, verifyPassword } from '../../auth/passwords.ts';
import { usersVisibleTo } from '../../auth/row-rules.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { prisma, transactionOptions } from '../../db.ts';
import {
  AuthenticationFailedError,
  ConflictError,
  FieldProblems,
  ForbiddenError,
  NotFoundError,
} from '../../errors/domain-errors.ts';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
/** Consecutive failed sign-ins that lock an account, and for how long. */
export const lockAfterFailures = 5;
export const lockDurationMs = 15 * 60 * 1000;

/** Milliseconds to wait before answering a failed sign-in, given the consecutive failures so far. */
export type FailedLoginDelay = (failures: number) => number;

/** Slows guessing down: 200 ms per consecutive failure, never more than 2 s. */
export const defaultFailedLoginDelay: FailedLoginDelay = (failures) => Math.min(200 * failures, 2000);

let failedLoginDelay = defaultFailedLoginDelay;

/** Tests set this to `() => 0` to stay fast; the one that measures the delay sets its own. */
export function setFailedLoginDelay(delay: FailedLoginDelay): void {
  failedLoginDelay = delay;
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * What a resolver wants loaded with a user (Pothos' `query`), spread into the Prisma call that
 * returns it. Services that return a user take it as their last argument.
 */
export interface UserQuery {
  include?: Prisma.UserInclude;
  select?: Prisma.UserSelect;
}

export interface AuthSession {
  token: string;
  expiresAt: Date;
  user: User;
}

// ───────────────────────────── signing in and out ─────────────────────────────

/** Applicants sign in with their ID number; a trailing lowercase x means the same person. */
function normalizeUsername(username: string): string {
  const trimmed = username.trim();
  return /^\d{17}[\dXx]$/.test(trimmed) ? normalizeResidentId(trimmed) : trimmed;
}

function lockedError(lockedUntil: Date, now: Date): AuthenticationFailedError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AuthenticationFailedError('账户已临时锁定，请稍后再试', retryAfterSeconds);
}

async function startSession(user: User, now: Date): Promise<AuthSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  // Only the hash is stored: a leaked Session table yields no usable token.
  await prisma.session.create({ data: { userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt } });
  return { token, expiresAt, user };
}

/** Counts one more consecutive failure, locking the account when it reaches the limit. */
async function recordFailedLogin(user: User, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  // A lock that has run out starts a fresh count; otherwise increment atomically, so
  // concurrent guesses cannot overwrite each other's count.
  const lockExpired = user.lockedUntil !== null && user.lockedUntil <= now;
  const counted = await prisma.user.update({
    where: { id: user.id },
    data: lockExpired ? { failedLoginCount: 1, lockedUntil: null } : { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  const failures = counted.failedLoginCount;
  if (failures < lockAfterFailures) return { failures, lockedUntil: null };
  const lockedUntil = new Date(now.getTime() + lockDurationMs);
  await prisma.user.update({ where: { id: user.id }, data: { lockedUntil } });
  return { failures, lockedUntil };
}

/**
 * Signs a user in. Unknown user, wrong password, locked and disabled accounts are all refused
 * with AuthenticationFailedError; each wrong password answers a little later than the last.
 */
export async function login(username: string, password: string, now: Date): Promise<AuthSession> {
  const user = await prisma.user.findUnique({ where: { username: normalizeUsername(username) } });
  if (!user) {
    await verifyAgainstNothing(password);
    await sleep(failedLoginDelay(1));
    throw new AuthenticationFailedError();
  }
  // A locked account is refused before the password is looked at: no guessing during a lock.
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);

  if (!(await verifyPassword(user.passwordHash, password))) {
    const { failures, lockedUntil } = await recordFailedLogin(user, now);
    await sleep(failedLoginDelay(failures));
    throw lockedUntil ? lockedError(lockedUntil, now) : new AuthenticationFailedError();
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) throw new AuthenticationFailedError('账户已停用，请联系管理员');

  const signedIn = await prisma.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  return startSession(signedIn, now);
}

/** Ends the session the actor is using; other sessions of the same user stay valid. */
export async function logout(actor: Actor, now: Date): Promise<boolean> {
  await prisma.session.updateMany({
    where: { id: actor.sessionId, revokedAt: null },
    data: { revokedAt: now, revokedById: actor.userId },
  });
  return true;
}

/** A selection of nothing (the client asked only for `__typename`) is not a valid Prisma select. */
function loadable(query: UserQuery): UserQuery {
  return query.select && Object.keys(query.select).length === 0 ? {} : query;
}

export function me(actor: Actor, query: UserQuery = {}): Promise<User> {
  return prisma.user.findUniqueOrThrow({ ...loadable(query), where: { id: actor.userId } }) as Promise<User>;
}

// ───────────────────────────── applicants registering ─────────────────────────────

export interface RegistrationInput {
  idNumber: string;
  name: string;
  phone: string;
  unitId: string;
  password: string;
}

const mobilePhonePattern = /^1[3-9]\d{9}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function unitExists(unitId: string): Promise<boolean> {
  return uuidPattern.test(unitId) && (await prisma.employerUnit.count({ where: { id: unitId } })) > 0;
}

async function areaExists(areaId: string): Promise<boolean> {
  return uuidPattern.test(areaId) && (await prisma.area.count({ where: { id: areaId } })) > 0;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * An applicant creates their own account: the username is their ID number. Every problem of
 * the form is reported at once, with the path of the field it concerns.
 */
export async function register(input: RegistrationInput, now: Date): Promise<AuthSession> {
  const problems = new FieldProblems();
  const idNumber = normalizeResidentId(input.idNumber);
  const parsed = parseResidentId(idNumber);
  if (!parsed.ok) problems.add(['input', 'idNumber'], residentIdProblemMessage(parsed.problem, idNumber));
  const name = input.name.trim();
  if (name.length < 2 || name.length > 30) problems.add(['input', 'name'], '姓名应为2至30个字');
  const phone = input.phone.trim();
  if (!mobilePhonePattern.test(phone)) problems.add(['input', 'phone'], '手机号码应为11位，以1开头');
  if (!(await unitExists(input.unitId))) problems.add(['input', 'unitId'], '所选用人单位不存在');
  const passwordProblem = passwordPolicyProblem(input.password);
  if (passwordProblem) problems.add(['input', 'password'], passwordProblem);
  problems.throwIfAny();

  const taken = await prisma.user.count({ where: { OR: [{ idNumber }, { username: idNumber }] } });
  if (taken) throw new ConflictError('该身份证号已注册');
  try {
    const user = await prisma.user.create({
      data: {
        username: idNumber,
        idNumber,
        displayName: name,
        phone,
        role: 'APPLICANT',
        unitId: input.unitId,
        passwordHash: await hashPassword(input.password),
        lastLoginAt: now,
      },
    });
    return await startSession(user, now);
  } catch (error) {
    // Two registrations of one ID number at the same moment: the database keeps one.
    if (isUniqueViolation(error)) throw new ConflictError('该身份证号已注册');
    throw error;
  }
}

// ───────────────────────────── the regional admin ─────────────────────────────

function requireRegional(actor: Actor | null): asserts actor is Actor {
  if (actor?.role !== 'REGIONAL') throw new ForbiddenError('仅自治区人社厅管理员可以管理账户');
}

async function existingUser(userId: string): Promise<User> {
  const user = uuidPattern.test(userId) ? await prisma.user.findUnique({ where: { id: userId } }) : null;
  if (!user) throw new NotFoundError('用户');
  return user;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  areaId?: string | null;
  unitId?: string | null;
}

const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

/**
 * Creates a reviewer, admin or analyst account. A PREFECTURE reviewer needs the area it
 * reviews, an EMPLOYER reviewer its unit; applicants register themselves.
 */
export async function createUser(actor: Actor | null, input: NewUserInput, query: UserQuery = {}): Promise<User> {
  requireRegional(actor);
  const problems = new FieldProblems();
  const username = input.username.trim();
  if (!usernamePattern.test(username)) problems.add(['input', 'username'], '用户名应为3至32位字母、数字或 . _ -，以字母或数字开头');
  const displayName = input.displayName.trim();
  if (displayName.length < 2 || displayName.length > 30) problems.add(['input', 'displayName'], '姓名应为2至30个字');
  const passwordProblem = passwordPolicyProblem(input.password);
  if (passwordProblem) problems.add(['input', 'password'], passwordProblem);

  const areaId = input.areaId || null;
  const unitId = input.unitId || null;
  switch (input.role) {
    case 'APPLICANT':
      problems.add(['input', 'role'], '申报人账户由申报人本人注册，不能在此创建');
      break;
    case 'PREFECTURE':
      if (!areaId) problems.add(['input', 'areaId'], '地州市审核员须指定所辖地区');
      else if (!(await areaExists(areaId))) problems.add(['input', 'areaId'], '所选地区不存在');
      if (unitId) problems.add(['input', 'unitId'], '地州市审核员不属于某个用人单位');
      break;
    case 'EMPLOYER':
      if (!unitId) problems.add(['input', 'unitId'], '用人单位审核员须指定所在单位');
      else if (!(await unitExists(unitId))) problems.add(['input', 'unitId'], '所选用人单位不存在');
      if (areaId) problems.add(['input', 'areaId'], '用人单位审核员不指定地区');
      break;
    case 'REGIONAL':
    case 'ANALYST':
      if (areaId) problems.add(['input', 'areaId'], '该角色不限于某个地区');
      if (unitId) problems.add(['input', 'unitId'], '该角色不属于某个用人单位');
      break;
  }
  problems.throwIfAny();

  if (await prisma.user.count({ where: { username } })) throw new ConflictError('该用户名已被使用');
  try {
    return (await prisma.user.create({
      ...loadable(query),
      data: {
        username,
        displayName,
        role: input.role,
        areaId: input.role === 'PREFECTURE' ? areaId : null,
        unitId: input.role === 'EMPLOYER' ? unitId : null,
        passwordHash: await hashPassword(input.password),
      },
    })) as User;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('该用户名已被使用');
    throw error;
  }
}

async function revokeAllSessions(db: Prisma.TransactionClient, actor: Actor, userId: string, now: Date): Promise<void> {
  await db.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now, revokedById: actor.userId },
  });
}

/** Disabling an account also ends its sessions, so it is shut out at once. */
export async function setUserDisabled(
  actor: Actor | null,
  userId: string,
  disabled: boolean,
  now: Date,
  query: UserQuery = {},
): Promise<User> {
  requireRegional(actor);
  await existingUser(userId);
  if (disabled && userId === actor.userId) throw new ForbiddenError('不能停用自己的账户');
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ ...loadable(query), where: { id: userId }, data: { disabled } });
    if (disabled) await revokeAllSessions(tx, actor, userId, now);
    return user as User;
  }, transactionOptions);
}

/** Signs a user out everywhere, e.g. after a lost device. */
export async function revokeSessions(actor: Actor | null, userId: string, now: Date, query: UserQuery = {}): Promise<User> {
  requireRegional(actor);
  await existingUser(userId);
  await revokeAllSessions(prisma, actor, userId, now);
  return prisma.user.findUniqueOrThrow({ ...loadable(query), where: { id: userId } }) as Promise<User>;
}

/** Lifts a temporary lock before it runs out and clears the failure count. */
export async function unlockUser(actor: Actor | null, userId: string, query: UserQuery = {}): Promise<User> {
  requireRegional(actor);
  await existingUser(userId);
  return prisma.user.update({ ...loadable(query), where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } }) as Promise<User>;
}

export interface UserFilter {
  role?: Role | null;
}

/** The users an actor may list (row-rules.ts), narrowed by the filter. */
export function usersWhere(actor: Actor, filter: UserFilter = {}): Prisma.UserWhereInput {
  return { AND: [usersVisibleTo(actor), filter.role ? { role: filter.role } : {}] };
}
