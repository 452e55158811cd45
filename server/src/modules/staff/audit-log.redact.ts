/**
 * Keys that name a secret or a hash of one (passwordHash, tokenHash, keyHash, secret, token...).
 * Every module's snapshot leaves these out already; this is the read side's second line, so one
 * careless snapshot cannot put a hash on an admin's screen or in a dashboard export.
 */
const SECRET_KEY = /password|secret|token|hash|credential/i;

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

/** A copy of a JSON value without the secret-named keys of any object in it, however deep. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !isSecretKey(key))
        .map(([key, v]) => [key, withoutSecrets(v)]),
    );
  }
  return value;
}

/**
 * An audit snapshot as the API shows it: a JSON object without secrets, or null. Every writer
 * records objects; anything else stored (a bare value) is wrapped rather than failing the page.
 */
export function auditSnapshot(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const clean = withoutSecrets(value);
  return clean && typeof clean === 'object' && !Array.isArray(clean) ? (clean as Record<string, unknown>) : { value: clean };
}
