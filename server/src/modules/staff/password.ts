import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's minimum (19 MiB memory, 2 iterations, 1 lane). The parameters are stored in
 * each hash, so raising them later re-hashes nobody and breaks nobody.
 */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash so that an unknown e-mail costs as much time as a wrong
 * password: sign-in timing does not reveal which addresses have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('nabz-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
