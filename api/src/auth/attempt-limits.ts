// Limits on sign-in and registration attempts, and on public certificate checks. Each attempt is counted in the database
// (SignInAttemptCounter) by ONE atomic statement, so every API process shares the counts and
// concurrent attempts cannot overtake them. A sign-in attempt is counted BEFORE its password is
// checked: once a count is past its limit, further attempts are refused unchecked, however many
// arrive at once, even with the right password.
//
// Who is limited, and why the account has two limits:
// - the account from one client address: 5 failures lock it for 15 minutes (the lock users see);
// - the account from anywhere: 10 failures lock it for 15 minutes. A stranger who knows only the
//   account's name thus locks out the owner (who signs in from another address) only by failing
//   from at least two addresses, not with five guesses; the owner's own address stays open while
//   the stranger's is locked. The admin's unlockUser lifts both locks at once.
// - one client address: 30 failed sign-ins per 15 minutes over all accounts (no spraying of many
//   accounts from one address), and 10 registrations per hour.
// A request without an address (yoga.fetch from a test or a script) is limited per account only.
//
// Counting runs outside any unit of work (db.ts): a refused sign-in rolls its unit back, and the
// count must stay.
import { prisma, prismaOutsideUnitOfWork } from '../db.ts';
import { AuthenticationFailedError, RateLimitedError } from '../errors/domain-errors.ts';

const minutes = (n: number) => n * 60 * 1000;

export interface AttemptLimit {
  /** Attempts counted in one window; the next is refused until the window ends. */
  max: number;
  windowMs: number;
}

export const signInLimits = {
  accountFromAddress: { max: 5, windowMs: minutes(15) },
  account: { max: 10, windowMs: minutes(15) },
  address: { max: 30, windowMs: minutes(15) },
} satisfies Record<string, AttemptLimit>;

export const registrationLimit: AttemptLimit = { max: 10, windowMs: minutes(60) };

/** Public certificate checks per client address: a person checks a few, nobody needs to walk the numbers. */
export const certificateCheckLimit: AttemptLimit = { max: 30, windowMs: minutes(60) };

interface Count {
  count: number;
  windowStartsAt: Date;
}

/** Long enough that any name a person signs in with stays whole. */
const keyPart = (text: string) => encodeURIComponent(text.slice(0, 100));
const accountKey = (username: string) => `sign-in:account:${keyPart(username)}`;
const accountFromAddressPrefix = (username: string) => `sign-in:account-address:${keyPart(username)}|`;
const signInAddressKey = (address: string) => `sign-in:address:${keyPart(address)}`;
const registrationAddressKey = (address: string) => `register:address:${keyPart(address)}`;
const certificateCheckKey = (address: string) => `certificate-check:address:${keyPart(address)}`;

/**
 * Counts one attempt under `key` in one statement: a window that has run out starts again at 1,
 * otherwise the count goes up by one. Concurrent callers each get a count of their own.
 */
async function countAttempt(key: string, limit: AttemptLimit, now: Date): Promise<Count> {
  const expiredBefore = new Date(now.getTime() - limit.windowMs);
  const [counted] = await prismaOutsideUnitOfWork().$queryRaw<Count[]>`
    INSERT INTO "SignInAttemptCounter" ("key", "windowStartsAt", "count")
    VALUES (${key}, ${now}::timestamptz, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "SignInAttemptCounter"."windowStartsAt" <= ${expiredBefore}::timestamptz
                     THEN 1 ELSE "SignInAttemptCounter"."count" + 1 END,
      "windowStartsAt" = CASE WHEN "SignInAttemptCounter"."windowStartsAt" <= ${expiredBefore}::timestamptz
                              THEN ${now}::timestamptz ELSE "SignInAttemptCounter"."windowStartsAt" END
    RETURNING "count", "windowStartsAt"`;
  if (!counted) throw new Error(`attempt counter ${key} returned no row`);
  return { count: Number(counted.count), windowStartsAt: new Date(counted.windowStartsAt) };
}

/** A lock starts at the failure that reached the limit and lasts one whole window. */
async function restartWindow(key: string, now: Date): Promise<void> {
  await prismaOutsideUnitOfWork().signInAttemptCounter.updateMany({ where: { key }, data: { windowStartsAt: now } });
}

const windowEnd = (counted: Count, limit: AttemptLimit) => new Date(counted.windowStartsAt.getTime() + limit.windowMs);

function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}

export function lockedError(lockedUntil: Date, now: Date): AuthenticationFailedError {
  return new AuthenticationFailedError('账户已临时锁定，请稍后再试', secondsUntil(lockedUntil, now));
}

let lastSweep = 0;
/** Rows whose every window has run out are dropped, at most once a minute per process. */
async function sweepExpired(now: Date): Promise<void> {
  if (Math.abs(now.getTime() - lastSweep) < minutes(1)) return;
  lastSweep = now.getTime();
  const longestWindow = Math.max(registrationLimit.windowMs, certificateCheckLimit.windowMs, ...Object.values(signInLimits).map((limit) => limit.windowMs));
  await prismaOutsideUnitOfWork().signInAttemptCounter.deleteMany({ where: { windowStartsAt: { lt: new Date(now.getTime() - longestWindow) } } });
}

// ───────────────────────────── signing in ─────────────────────────────

/** One sign-in attempt that passed every limit: its password may now be checked. */
export interface SignInAttempt {
  username: string;
  addressKey: string | null;
  accountFromAddressKey: string;
  /** This attempt's place among the account's recent attempts from its address (1 = the first). */
  failuresFromAddress: number;
  failuresOfAccount: number;
}

/**
 * Counts a sign-in attempt before its password is checked, and refuses it when the account
 * (AuthenticationFailedError, locked) or the client address (RateLimitedError) is past its
 * limit. Each count is taken only if the ones before it passed: attempts refused by the lock
 * on one address check no password, so they neither use up the address's allowance nor lock
 * the account for everyone.
 */
export async function reserveSignInAttempt(username: string, clientAddress: string | null, now: Date): Promise<SignInAttempt> {
  await sweepExpired(now);
  const accountFromAddressKey = accountFromAddressPrefix(username) + keyPart(clientAddress ?? 'unknown');
  const pair = await countAttempt(accountFromAddressKey, signInLimits.accountFromAddress, now);
  if (pair.count > signInLimits.accountFromAddress.max) throw lockedError(windowEnd(pair, signInLimits.accountFromAddress), now);
  const addressKey = clientAddress ? signInAddressKey(clientAddress) : null;
  if (addressKey) {
    const fromAddress = await countAttempt(addressKey, signInLimits.address, now);
    if (fromAddress.count > signInLimits.address.max) {
      throw new RateLimitedError('该网络地址登录失败次数过多，请稍后再试', secondsUntil(windowEnd(fromAddress, signInLimits.address), now));
    }
  }
  const account = await countAttempt(accountKey(username), signInLimits.account, now);
  if (account.count > signInLimits.account.max) throw lockedError(windowEnd(account, signInLimits.account), now);
  return { username, addressKey, accountFromAddressKey, failuresFromAddress: pair.count, failuresOfAccount: account.count };
}

/**
 * The attempt's password was wrong: its count stands. Returns when the account is locked
 * because of it (from this address, or from everywhere), or null.
 */
export async function recordSignInFailure(attempt: SignInAttempt, now: Date): Promise<Date | null> {
  let lockedUntil: Date | null = null;
  const lock = async (key: string, limit: AttemptLimit) => {
    await restartWindow(key, now);
    const end = new Date(now.getTime() + limit.windowMs);
    if (!lockedUntil || end > lockedUntil) lockedUntil = end;
  };
  if (attempt.failuresFromAddress >= signInLimits.accountFromAddress.max) await lock(attempt.accountFromAddressKey, signInLimits.accountFromAddress);
  if (attempt.failuresOfAccount >= signInLimits.account.max) await lock(accountKey(attempt.username), signInLimits.account);
  return lockedUntil;
}

/**
 * The attempt's password was right: the failures before it stop counting against the account,
 * and the attempt itself not against its address. A count already past its limit stays — the
 * attempts it refused meanwhile keep the lock they earned.
 */
export async function releaseSignInAttempt(attempt: SignInAttempt): Promise<void> {
  const db = prismaOutsideUnitOfWork();
  await db.signInAttemptCounter.deleteMany({ where: { key: attempt.accountFromAddressKey, count: { lte: signInLimits.accountFromAddress.max } } });
  await db.signInAttemptCounter.deleteMany({ where: { key: accountKey(attempt.username), count: { lte: signInLimits.account.max } } });
  if (attempt.addressKey) await db.signInAttemptCounter.updateMany({ where: { key: attempt.addressKey, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** The admin's unlock: the account's counts, from every address, start again (inside the unlock's unit of work). */
export async function forgetSignInFailures(username: string): Promise<void> {
  await prisma.signInAttemptCounter.deleteMany({
    where: { OR: [{ key: accountKey(username) }, { key: { startsWith: accountFromAddressPrefix(username) } }] },
  });
}

// ───────────────────────────── registering, per address ─────────────────────────────

/** Counts an attempt from the client address, whatever its outcome, and refuses it past `limit`. */
async function reserveFromAddress(key: string | null, limit: AttemptLimit, refusal: string, now: Date): Promise<void> {
  if (!key) return;
  await sweepExpired(now);
  const counted = await countAttempt(key, limit, now);
  if (counted.count > limit.max) throw new RateLimitedError(refusal, secondsUntil(windowEnd(counted, limit), now));
}

/** Counts a registration attempt from the client address, and refuses it past the limit. */
export function reserveRegistration(clientAddress: string | null, now: Date): Promise<void> {
  return reserveFromAddress(clientAddress && registrationAddressKey(clientAddress), registrationLimit, '该网络地址注册次数过多，请稍后再试', now);
}

// ───────────────────────────── checking a certificate ─────────────────────────────

/** Counts a public certificate check from the client address, and refuses it past the limit. */
export function reserveCertificateCheck(clientAddress: string | null, now: Date): Promise<void> {
  return reserveFromAddress(clientAddress && certificateCheckKey(clientAddress), certificateCheckLimit, '该网络地址查验次数过多，请稍后再试', now);
}
