// Passwords are stored only as argon2id hashes (OWASP's minimum parameters: 19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

const argon2idOptions = {
  algorithm: 2, // Argon2id; the library's enum is a const enum, which isolatedModules cannot import
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Longer passwords only make hashing slower, never safer in practice. */
const maximumLength = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2idOptions);
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification for a username that does not exist, so the answer time
 * does not tell which usernames do.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-password-0');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Why a new password is not acceptable, in the words users read; null when it is. */
export function passwordPolicyProblem(password: string): string | null {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return '密码至少8位，且须同时包含字母和数字';
  }
  if (password.length > maximumLength) return `密码不能超过${maximumLength}位`;
  return null;
}
