/**
 * api-read: public read queries through the whole stack (Fastify → Apollo Server → type-graphql →
 * TypeORM → PostgreSQL), next to two baselines measured in the same run:
 *   plain-http     a bare node:http server answering a tiny JSON body (the ceiling);
 *   trivial-query  `{ __typename }` through the real GraphQL stack, no database
 *                  (the baseline later work compares against).
 */
import 'reflect-metadata';
import { startTestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import {
  loadSettings,
  machine,
  measure,
  plainHttpBaseline,
  printTable,
  problems,
  throughputRatios,
  writeResult,
  type Scenario,
} from '../lib';

const NAME = 'api-read';
const BASELINES = { 'trivial-query': 'trivial-query', 'plain-http': 'plain-http' };

const JSON_HEADERS = { 'content-type': 'application/json' };

function graphqlData(body: string): Record<string, any> {
  const parsed = JSON.parse(body) as { data?: Record<string, any>; errors?: unknown[] };
  if (parsed.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(parsed.errors)}`);
  if (!parsed.data) throw new Error('no data');
  return parsed.data;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

export default async function apiRead(): Promise<void> {
  const settings = loadSettings({ connections: 10, durationSeconds: 3, rounds: 3, warmupSeconds: 1 });
  const startedOn = machine();

  await globalSetup();
  const database = { mode: process.env.NABZ_TEST_DB_MODE === 'server' ? 'postgresql' : 'pglite (embedded fallback)', version: '' };
  const plain = await plainHttpBaseline();
  let app: Awaited<ReturnType<typeof startTestApp>> | undefined;
  try {
    app = await startTestApp({ env: { LOG_LEVEL: 'silent' } });
    const [{ server_version: version }] = (await app.app.db.query('SHOW server_version')) as Array<{ server_version: string }>;
    database.version = version;
    process.stdout.write(
      `[bench] database: ${database.mode} ${version}; ${settings.connections} connections, ${settings.rounds} × ${settings.durationSeconds} s per scenario\n`,
    );

    const graphql = (name: string, description: string, query: string, check: (data: Record<string, any>) => void): Scenario => ({
      name,
      description,
      url: app!.graphqlUrl,
      method: 'POST',
      headers: JSON_HEADERS,
      body: { query },
      check: (status, body) => {
        expect(status === 200, `HTTP ${status}`);
        check(graphqlData(body));
      },
    });

    const scenarios: Scenario[] = [
      {
        name: 'plain-http',
        description: 'Baseline: bare node:http server answering a tiny JSON body',
        url: plain.url,
        method: 'POST',
        headers: JSON_HEADERS,
        body: { query: '{ __typename }' },
        check: (status) => expect(status === 200, `HTTP ${status}`),
      },
      graphql('trivial-query', 'Baseline: { __typename } through the real GraphQL stack (no database)', '{ __typename }', (data) =>
        expect(data.__typename === 'Query', `__typename is ${data.__typename}`),
      ),
      graphql(
        'goals-50',
        'goals(first: 50): all 31 demo goals with totalCount',
        '{ goals(first: 50) { totalCount edges { node { id title category position updatedAt } } } }',
        (data) => {
          expect(data.goals.totalCount === 31, `totalCount is ${data.goals.totalCount}, expected the 31 demo goals`);
          expect(data.goals.edges.length === 31, `${data.goals.edges.length} edges, expected 31`);
        },
      ),
      graphql('districts', 'districts: the 8 demo districts', '{ districts { id name population } }', (data) =>
        expect(data.districts.length === 8, `${data.districts.length} districts, expected 8`),
      ),
    ];

    // SQL statements one request runs (the plain server runs none; neither should the trivial query).
    const sqlPerRequest: Record<string, number> = { 'plain-http': 0 };
    for (const s of scenarios.filter((x) => x.name !== 'plain-http')) {
      const before = app.sqlCount();
      await app.gql((s.body as { query: string }).query);
      sqlPerRequest[s.name] = app.sqlCount() - before;
    }

    const measured = await measure(scenarios, settings);
    const ratios = throughputRatios(measured, BASELINES);

    process.stdout.write('\n');
    printTable(
      measured.map((m) => ({
        scenario: m.name,
        'req/s': Math.round(m.requestsPerSecond),
        'min–max': `${Math.round(m.requestsPerSecondRange[0])}–${Math.round(m.requestsPerSecondRange[1])}`,
        'p50 ms': m.latencyMs.p50,
        'p99 ms': m.latencyMs.p99,
        'SQL/req': sqlPerRequest[m.name],
        errors: m.errors,
        'non-2xx': m.non2xx,
        'bad body': m.mismatches,
        '÷ trivial': ratios[m.name]['trivial-query'],
        '÷ plain': ratios[m.name]['plain-http'],
      })),
    );
    process.stdout.write('(req/s: mean of the rounds; ÷ trivial, ÷ plain: req/s as a fraction of that baseline in this run)\n');

    const trouble = problems(measured);
    const file = writeResult(
      NAME,
      {
        description:
          'Public read queries through the whole stack, next to a plain node:http server and a trivial GraphQL query measured in the same run. Ratios are req/s ÷ baseline req/s.',
        settings: {
          ...settings,
          loadGenerator: 'autocannon 8.0.0, 1 worker thread, pipelining 1, same machine, 127.0.0.1',
          server: 'in-process (tests/helpers/app startTestApp), LOG_LEVEL silent',
        },
        database,
        baselines: Object.fromEntries(
          Object.entries(BASELINES).map(([label, name]) => [label, summary(measured.find((m) => m.name === name)!)]),
        ),
        ratios,
        scenarios: measured.map((m) => ({ ...m, sqlPerRequest: sqlPerRequest[m.name], ratios: ratios[m.name] })),
        problems: trouble,
      },
      { machine: startedOn },
    );
    process.stdout.write(`[bench] wrote ${file}\n`);
    if (trouble.length) {
      process.stderr.write(`[bench] ${NAME}: figures are not trustworthy:\n  ${trouble.join('\n  ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await app?.close();
    await plain.close();
    await globalTeardown();
  }
}

function summary(m: { name: string; requestsPerSecond: number; requestsPerSecondRange: [number, number]; latencyMs: unknown }) {
  return {
    scenario: m.name,
    requestsPerSecond: m.requestsPerSecond,
    requestsPerSecondRange: m.requestsPerSecondRange,
    latencyMs: m.latencyMs,
  };
}
