// Accounts: signing in and out, applicants registering themselves, and the regional admin
// managing reviewer accounts. Every function is given the acting user and the instant it
// acts at, so tests can stand anywhere in time.
import { Prisma, type User } from '@tepei/db/client';
import type { Role } from '@tepei/db/enums';
import { normalizeResidentId, parseResidentId, residentIdProblemMessage } from '@tepei/db/reference/resident-id';
import type { Actor } from '../../auth/actor.ts';
import {
  forgetSignInFailures,
  lockedError,
  recordSignInFailure,
  releaseSignInAttempt,
  reserveRegistration,
  reserveSignInAttempt,
  signInLimits,
} from '../../auth/attempt-limits.ts';
import { hashPassword, passwordPolicyProblem, verifyAgainstNothing, verifyPassword } from '../../auth/passwords.ts';
import { maskedUsername, seesPersonalIdentifiers } from '../../auth/personal-data.ts';
import { usersVisibleTo } from '../../auth/row-rules.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { endSessions } from '../../auth/sessions.ts';
import { prisma, prismaOutsideUnitOfWork, transactionOptions } from '../../db.ts';
import {
  AuthenticationFailedError,
  ConflictError,
  FieldProblems,
  ForbiddenError,
  NotFoundError,
} from '../../errors/domain-errors.ts';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
/** Failed sign-ins from one address that lock an account, and for how long (auth/attempt-limits.ts). */
export const lockAfterFailures = signInLimits.accountFromAddress.max;
export const lockDurationMs = signInLimits.accountFromAddress.windowMs;

/** Milliseconds to wait before answering a failed sign-in, given the recent failures so far. */
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

async function startSession(user: User, now: Date): Promise<AuthSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  // Only the hash is stored: a leaked Session table yields no usable token.
  await prisma.session.create({ data: { userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt } });
  return { token, expiresAt, user };
}

/**
 * What the admin sees of a failed sign-in on the user row: the failures since the last sign-in,
 * and the end of the latest lock, from whichever address (the counts of auth/attempt-limits.ts
 * decide; these columns only report).
 */
async function reportFailedLogin(userId: string, lockedUntil: Date | null): Promise<void> {
  await prismaOutsideUnitOfWork().user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 }, ...(lockedUntil ? { lockedUntil } : {}) },
  });
}

/**
 * Checks a user's credentials, outside any unit of work so that a counted failure stays counted
 * though the sign-in is refused. The attempt is counted before the password is checked
 * (auth/attempt-limits.ts): past a limit it is refused unchecked. Unknown user, wrong password,
 * locked and disabled accounts are all refused with AuthenticationFailedError, too many failures
 * from one address with RateLimitedError; each wrong password answers a little later than the
 * last. Returns the user whose password was right; `startSignedInSession` then signs them in.
 */
export async function verifyCredentials(username: string, password: string, now: Date, clientAddress: string | null = null): Promise<User> {
  const name = normalizeUsername(username);
  // Unknown names are counted and locked like known ones: the answers must not tell them apart.
  const attempt = await reserveSignInAttempt(name, clientAddress, now);
  const user = await prismaOutsideUnitOfWork().user.findUnique({ where: { username: name } });
  const right = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password).then(() => false);
  if (!user || !right) {
    const lockedUntil = await recordSignInFailure(attempt, now);
    if (user) await reportFailedLogin(user.id, lockedUntil);
    await sleep(failedLoginDelay(attempt.failuresFromAddress));
    throw lockedUntil ? lockedError(lockedUntil, now) : new AuthenticationFailedError();
  }
  await releaseSignInAttempt(attempt);
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) throw new AuthenticationFailedError('账户已停用，请联系管理员');
  return user;
}

/** Signs in a user whose credentials `verifyCredentials` accepted: clears the failures, opens a session. */
export async function startSignedInSession(user: User, now: Date): Promise<AuthSession> {
  const signedIn = await prisma.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  return startSession(signedIn, now);
}

/** Both steps of signing in, for callers that are not a mutation (scripts, tests). */
export async function login(username: string, password: string, now: Date, clientAddress: string | null = null): Promise<AuthSession> {
  return startSignedInSession(await verifyCredentials(username, password, now, clientAddress), now);
}

/** Ends the session the actor is using; other sessions of the same user stay valid. */
export async function logout(actor: Actor, now: Date): Promise<boolean> {
  await endSessions(prisma, { userId: actor.userId, sessionId: actor.sessionId }, actor, now);
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

/** A registration that passed every check, with the password already hashed. */
export interface CheckedRegistration {
  idNumber: string;
  name: string;
  phone: string;
  unitId: string;
  passwordHash: string;
}

/**
 * Checks an applicant's registration, outside any unit of work (hashing is slow and needs no
 * transaction, and the attempt counted per client address must stay counted). Every problem
 * of the form is reported at once, with the path of its field.
 */
export async function checkRegistration(input: RegistrationInput, now: Date, clientAddress: string | null = null): Promise<CheckedRegistration> {
  // Counted before anything is checked: "already registered" answers must not be harvested.
  await reserveRegistration(clientAddress, now);
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

  if (await prisma.user.count({ where: { OR: [{ idNumber }, { username: idNumber }] } })) throw new ConflictError('该身份证号已注册');
  return { idNumber, name, phone, unitId: input.unitId, passwordHash: await hashPassword(input.password) };
}

/** An applicant creates their own account (the username is their ID number) and is signed in. */
export async function createApplicantAccount(checked: CheckedRegistration, now: Date): Promise<AuthSession> {
  try {
    const user = await prisma.user.create({
      data: {
        username: checked.idNumber,
        idNumber: checked.idNumber,
        displayName: checked.name,
        phone: checked.phone,
        role: 'APPLICANT',
        unitId: checked.unitId,
        passwordHash: checked.passwordHash,
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

/** Both steps of registering, for callers that are not a mutation (scripts, tests). */
export async function register(input: RegistrationInput, now: Date, clientAddress: string | null = null): Promise<AuthSession> {
  return createApplicantAccount(await checkRegistration(input, now, clientAddress), now);
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
  return insertUser(input, query);
}

/**
 * The first regional administrator, created by an operator on the server's command line
 * (`pnpm admin:create`, admin-create-cli.ts) when nobody can sign in to create one yet. Same
 * checks, same policy, same hashing as `createUser`.
 */
export function createAdministratorFromCommandLine(input: Omit<NewUserInput, 'role' | 'areaId' | 'unitId'>): Promise<User> {
  return insertUser({ ...input, role: 'REGIONAL' });
}

async function insertUser(input: NewUserInput, query: UserQuery = {}): Promise<User> {
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
    if (disabled) await endSessions(tx, { userId }, actor, now);
    return user as User;
  }, transactionOptions);
}

/** Signs a user out everywhere, e.g. after a lost device. */
export async function revokeSessions(actor: Actor | null, userId: string, now: Date, query: UserQuery = {}): Promise<User> {
  requireRegional(actor);
  await existingUser(userId);
  await endSessions(prisma, { userId }, actor, now);
  return prisma.user.findUniqueOrThrow({ ...loadable(query), where: { id: userId } }) as Promise<User>;
}

/**
 * Lifts a temporary lock before it runs out, from every address, and clears the failure counts:
 * how an owner locked out (by their own failures or a stranger's) gets back in.
 */
export async function unlockUser(actor: Actor | null, userId: string, query: UserQuery = {}): Promise<User> {
  requireRegional(actor);
  const user = await existingUser(userId);
  await forgetSignInFailures(user.username);
  return prisma.user.update({ ...loadable(query), where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } }) as Promise<User>;
}

export interface UserFilter {
  role?: Role | null;
}

/** Who may list accounts (auth/scopes.ts): the regional admin and analysts. */
export const accountReaders = { regional: true, analyst: true } as const;

/** The users an actor may list (row-rules.ts), narrowed by the filter. */
export function usersWhere(actor: Actor, filter: UserFilter = {}): Prisma.UserWhereInput {
  return { AND: [usersVisibleTo(actor), filter.role ? { role: filter.role } : {}] };
}

/**
 * The `users` connection's order (its Excel export reads it too), ending on the id as a keyset
 * needs. Not by username for analysts: the order of applicants' usernames is the order of their
 * ID numbers.
 */
export function usersOrder(actor: Actor): Prisma.UserOrderByWithRelationInput[] {
  return seesPersonalIdentifiers(actor) ? [{ username: 'asc' }, { id: 'asc' }] : [{ role: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }];
}

/** The user themself and the regional admin see an account's identifiers in full; everyone else masked (auth/personal-data.ts). */
export function seesIdentifiersOf(actor: Actor | null, userId: string): boolean {
  return actor?.userId === userId || actor?.role === 'REGIONAL';
}

/** An account's username as `actor` reads it: an applicant's is their ID number (maskedUsername). */
export function shownUsername(actor: Actor | null, user: { id: string; username: string; role: Role }): string {
  return seesIdentifiersOf(actor, user.id) ? user.username : maskedUsername(user);
}
