import { createApp, type App } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { hashPassword } from '../../server/src/modules/staff/password';
import { type LiveResultsSettings } from '../../server/src/services';
import { CapturingSmsGateway } from '../../server/src/modules/polls/participation/sms';
import { freshDatabase, testDatabase } from './database';
import { movableClock, totpCode, type TestClock } from './totp';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

export interface TestApp {
  app: App;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  graphqlUrl: string;
  /** POSTs a GraphQL request exactly as a partner app would. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /**
   * Signs in a demo account (`editor`, `admin`, `analyst`, `media`) and returns its bearer token. Where
   * the account must use a second factor (admins in production) it enrols one the first time, as a
   * person with an authenticator app would, and answers with a code afterwards.
   */
  signIn(account: 'admin' | 'editor' | 'analyst' | 'media'): Promise<string>;
  /** The TOTP secret signIn enrolled for an account, and the last step it used (to compute further codes). */
  secondFactors: Map<string, { secret: string; lastStep: number | null }>;
  /** The app's clock: TOTP codes for it come from `totpCode(secret, after, clock)`. */
  clock: TestClock;
  /** SQL statements the app has run so far. */
  sqlCount(): number;
  /** The app's database; pass it as `databaseUrl` to start a second instance on the same data. */
  databaseUrl: string;
  /** The SMS gateway the app sends verification codes through (captured, never sent). */
  sms: CapturingSmsGateway;
  /**
   * Moves every answer waiting in the answer mix into the results (whatever k says) and folds the
   * tallies: what the mixer and the fold do on their timers, at once, for tests that read results.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server, in-process, on a fresh database, listening on a free port. With `databaseUrl`
 * it joins an existing test app's database instead (a second server instance; that database is
 * left for its owner to drop). `live` reaches createApp (e.g. a Redis channel prefix per run);
 * `clock` replaces the app's clock where services take one (analytics: days, salts, retention; TOTP
 * checks); by default a movable clock (helpers/totp.ts), which `totpCode` moves to the next step.
 */
export async function startTestApp(
  options: { seed?: boolean; env?: Record<string, string>; databaseUrl?: string; live?: LiveResultsSettings; clock?: TestClock } = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, poolSize: testDatabase().mode === 'embedded' ? 1 : 5, drop: async () => undefined }
    : await freshDatabase({ seed: options.seed });
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(database.poolSize),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_DATA: options.seed === false ? 'false' : 'true',
    // No background folding during tests: statement counts stay exact; tests fold with foldAll().
    TALLY_INTERVAL_MS: '60000',
    // Nor webhook dispatching on a timer (deliveries are still woken when a change commits).
    WEBHOOK_INTERVAL_MS: '60000',
    // Nor moving answers out of the mix: tests settle() when they read results.
    ANSWER_MIX_INTERVAL_MS: '60000',
    // Proof-of-work challenges that tests solve in a few milliseconds.
    ALTCHA_MAX_COUNTER: '500',
    // Most tests answer without a challenge, many times from one address; the limit has its own test.
    UNCHALLENGED_SUBMISSIONS_PER_HOUR: '100000',
    ...options.env,
  });
  const clock = options.clock ?? movableClock();
  const sms = new CapturingSmsGateway();
  // A test that names an SMS gateway gets the configured one (e.g. Kavenegar against a local stand-in).
  const app = await createApp(config, { live: options.live, clock, sms: options.env?.SMS_GATEWAY ? undefined : sms });
  const url = (await app.listen()).replace('localhost', '127.0.0.1');
  const graphqlUrl = `${url}/graphql`;
  const secondFactors: TestApp['secondFactors'] = new Map();

  const gql: TestApp['gql'] = async (query, variables, opts = {}) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<never>['body'] };
  };

  return {
    app,
    url,
    graphqlUrl,
    gql,
    async signIn(account) {
      const email = `${account}@nabz.example`;
      // Production refuses the demo password: there the account first gets a password of its own.
      let password = DEMO_PASSWORD;
      if (config.env === 'production') {
        password = `${account}-production-test-password`;
        await app.db.query('UPDATE staff_user SET password_hash = $1 WHERE email = $2', [await hashPassword(password), email]);
      }
      type Session = { token: string; state: string };
      const step = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
        const res = await gql<Record<string, T>>(query, variables, { token });
        const data = res.body.data && Object.values(res.body.data)[0];
        if (!data) throw new Error(`sign-in as ${account} failed: ${JSON.stringify(res.body.errors)}`);
        return data;
      };
      let session = await step<Session>('mutation ($input: SignInInput!) { signIn(input: $input) { token state } }', {
        input: { email, password },
      });
      if (session.state === 'SECOND_FACTOR_REQUIRED') {
        const factor = secondFactors.get(account);
        if (!factor) throw new Error(`sign-in as ${account}: the account has a second factor this helper did not enrol`);
        const { code, step: used } = await totpCode(factor.secret, factor.lastStep, clock);
        factor.lastStep = used;
        session = await step<Session>(
          'mutation ($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { token state } }',
          { input: { code } },
          session.token,
        );
      }
      if (session.state === 'SECOND_FACTOR_ENROLMENT_REQUIRED') {
        const { secret } = await step<{ secret: string }>('mutation { startSecondFactorEnrolment { secret } }', {}, session.token);
        const { code, step: used } = await totpCode(secret, null, clock);
        const confirmed = await step<{ signIn: Session }>(
          'mutation ($input: ConfirmSecondFactorEnrolmentInput!) { confirmSecondFactorEnrolment(input: $input) { signIn { token state } } }',
          { input: { code } },
          session.token,
        );
        secondFactors.set(account, { secret, lastStep: used });
        session = confirmed.signIn;
      }
      if (session.state !== 'SIGNED_IN') throw new Error(`sign-in as ${account} stopped at ${session.state}`);
      return session.token;
    },
    secondFactors,
    clock,
    sqlCount: () => app.queries.statements,
    databaseUrl: database.url,
    sms,
    async settle() {
      await app.services.answerMix.flushAll();
      await app.services.pollTallies.foldAll();
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
