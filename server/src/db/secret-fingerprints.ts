import { createHmac } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { ConfigError, DATA_SECRETS, type DataSecretName } from '../config';
import { type Logger } from '../logger';

/** What stops working when each changes: said when a server starts with another value. */
const WHAT_DEPENDS: Record<DataSecretName, (waitingAnswers: number) => string> = {
  RESPONDENT_SECRET: (waiting) =>
    `${waiting} answer(s) waiting in the answer mix would never open, the polls' signing keys and eligibility lists would stop ` +
    'working, and people verified before could verify again for a poll they already answered',
  SECOND_FACTOR_KEY: () =>
    "every staff member's second factor would stop working (and with it every admin's sign-in where REQUIRE_ADMIN_2FA is on)",
};

/** An HMAC of a fixed text under the secret: the same secret gives the same fingerprint, and the fingerprint tells nothing of the secret. */
function fingerprint(name: DataSecretName, value: string): Buffer {
  return createHmac('sha256', value).update(`nabz secret fingerprint\n${name}`).digest();
}

/**
 * Records each secret's fingerprint the first time a server starts on a database, and afterwards
 * refuses to start (a ConfigError naming the setting and what depends on it) when a secret is not
 * the recorded one, unless ACCEPT_CHANGED_SECRETS names it: then the new one is recorded and the
 * change logged. Several servers starting at once on a new database record one value; a server
 * whose value lost that race is refused like any other.
 */
export async function checkSecretFingerprints(
  db: DataSource,
  secrets: Record<DataSecretName, string>,
  acceptChanged: readonly DataSecretName[],
  log: Logger,
): Promise<void> {
  const problems: string[] = [];
  // Counted once, and only when a secret differs.
  let waitingAnswers: number | undefined;
  const waiting = async () =>
    (waitingAnswers ??= ((await db.query(`SELECT count(*)::int AS n FROM poll_answer_mix`)) as Array<{ n: number }>)[0].n);
  for (const name of DATA_SECRETS) {
    const mine = fingerprint(name, secrets[name]);
    await db.query(`INSERT INTO secret_fingerprint (name, fingerprint) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, mine]);
    const [row] = (await db.query(`SELECT fingerprint, recorded_at FROM secret_fingerprint WHERE name = $1`, [name])) as Array<{
      fingerprint: Buffer;
      recorded_at: Date;
    }>;
    if (row.fingerprint.equals(mine)) continue;
    const consequences = WHAT_DEPENDS[name](await waiting());
    if (acceptChanged.includes(name)) {
      await db.query(`UPDATE secret_fingerprint SET fingerprint = $2, recorded_at = now() WHERE name = $1`, [name, mine]);
      log.warn({ secret: name, waitingAnswers: await waiting() }, `${name} changed (ACCEPT_CHANGED_SECRETS): ${consequences}`);
      continue;
    }
    problems.push(
      `${name}: not the value this database has used since ${row.recorded_at.toISOString()}: with it, ${consequences}. ` +
        `Set it back; or, to change it on purpose, start once with ACCEPT_CHANGED_SECRETS=${name} (docs/operations.md, "Changing a secret")`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
}
