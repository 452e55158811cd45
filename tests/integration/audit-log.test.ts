/**
 * The audit log as admins read it: newest first, each filter on its own and together, keyset
 * pages that neither skip nor repeat (even for entries in the same microsecond), the actor through
 * a DataLoader, and no secret or hash in what it shows. Real HTTP, real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app';

const LOG = `query ($first: Int, $after: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at action entityType entityId before after requestId actor { id email } } }
  }
}`;
const IDS_ONLY =
  'query ($first: Int, $after: String, $filter: AuditLogFilter) { auditLog(first: $first, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } edges { node { id } } } }';

let t: TestApp;
let admin: string;
const staff: Record<'admin' | 'editor' | 'analyst', string> = { admin: '', editor: '', analyst: '' };
/** The fixture entries all fall in 2001; a goal id, and the id of the entry that carries secrets. */
const YEAR_2001 = { from: '2001-01-01T00:00:00.000Z', to: '2002-01-01T00:00:00.000Z' };
const goalA = randomUUID();
const goalB = randomUUID();
let secretsEntryId: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  admin = await t.signIn('admin');
  for (const [account, email] of [
    ['admin', 'admin@nabz.example'],
    ['editor', 'editor@nabz.example'],
    ['analyst', 'analyst@nabz.example'],
  ] as const) {
    [{ id: staff[account] }] = await t.app.db.query('SELECT id FROM staff_user WHERE email = $1', [email]);
  }
  const rows: Array<[string, string | null, string, string, string | null, object | null, object | null]> = [
    ['2001-03-01 10:00:00+00', staff.editor, 'createGoal', 'Goal', goalA, null, { id: goalA, titleFa: 'هدف' }],
    ['2001-03-02 10:00:00+00', staff.editor, 'updateGoal', 'Goal', goalA, { status: 'DRAFT' }, { status: 'ACTIVE' }],
    ['2001-03-03 10:00:00+00', staff.admin, 'updateGoal', 'Goal', goalB, { status: 'ACTIVE' }, { status: 'ARCHIVED' }],
    ['2001-03-04 10:00:00+00', staff.analyst, 'signIn', 'StaffSession', randomUUID(), null, null],
    ['2001-03-05 10:00:00+00', null, 'signIn', 'StaffSession', null, null, null],
    // Three in the same instant, and three a microsecond apart: a cursor must tell them all apart.
    ['2001-04-01 12:00:00.123456+00', staff.admin, 'createEvent', 'Event', randomUUID(), null, { kind: 'OTHER' }],
    ['2001-04-01 12:00:00.123456+00', staff.admin, 'createEvent', 'Event', randomUUID(), null, { kind: 'OTHER' }],
    ['2001-04-01 12:00:00.123456+00', staff.admin, 'createEvent', 'Event', randomUUID(), null, { kind: 'OTHER' }],
    ['2001-04-02 12:00:00.000001+00', staff.editor, 'deleteGoal', 'Goal', goalA, { id: goalA }, null],
    ['2001-04-02 12:00:00.000002+00', staff.editor, 'deleteGoal', 'Goal', goalB, { id: goalB }, null],
    ['2001-04-02 12:00:00.000003+00', staff.editor, 'createGoal', 'Goal', goalB, null, { id: goalB }],
  ];
  for (const [at, actor, action, entityType, entityId, before, after] of rows) {
    await t.app.db.query(
      'INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [at, actor, action, entityType, entityId, before, after, `req-${action}`],
    );
  }
  // A careless writer's row: the read side must still never show a hash or a secret.
  [{ id: secretsEntryId }] = await t.app.db.query(
    `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after) VALUES ('2001-05-01 00:00:00+00', $1, 'legacyChange', 'StaffUser', $2, $3, $4) RETURNING id`,
    [
      staff.admin,
      staff.admin,
      { email: 'a@b.example', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$leak', session: { tokenHash: 'deadbeef' } },
      { email: 'a@b.example', secret: 's3cr3t', nested: [{ keyHash: 'x', ok: 1 }] },
    ],
  );
});
afterAll(() => t.close());

/** The ids the API lists for a filter, page by page; and the ids PostgreSQL says it should list. */
async function listedIds(filter: Record<string, unknown> | null, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const res: any = await t.gql(IDS_ONLY, { first, after, filter }, { token: admin });
    expect(res.body.errors).toBeUndefined();
    ids.push(...res.body.data.auditLog.edges.map((e: any) => e.node.id));
    if (!res.body.data.auditLog.pageInfo.hasNextPage) return ids;
    after = res.body.data.auditLog.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

async function expectedIds(where: string, params: unknown[] = []): Promise<string[]> {
  return (await t.app.db.query(`SELECT id FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC`, params)).map((r: any) => r.id);
}

describe('who may read the audit log', () => {
  it('is for admins only: FORBIDDEN for other roles, UNAUTHENTICATED without a session', async () => {
    for (const account of ['editor', 'analyst', 'media'] as const) {
      const res = await t.gql(LOG, {}, { token: await t.signIn(account) });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeNull();
    }
    expect((await t.gql(LOG, {})).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('auditLog', () => {
  it('lists the whole log newest first, in pages that neither skip nor repeat, with the total', async () => {
    const first = await t.gql(LOG, { first: 5 }, { token: admin });
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(first.body.data!.auditLog.totalCount).toBe(n);
    expect(await listedIds(null, 4)).toEqual(await expectedIds('true'));
  });

  it('filters by actor, action, object kind, object id and time, each alone and together, every page in order', async () => {
    const cases: Array<[Record<string, unknown>, string, unknown[]]> = [
      [{ actorId: staff.editor }, 'actor_id = $1', [staff.editor]],
      [{ action: 'updateGoal' }, `action = 'updateGoal'`, []],
      [{ action: 'signIn' }, `action = 'signIn'`, []],
      [{ entityType: 'Goal' }, `entity_type = 'Goal'`, []],
      [{ entityId: goalA }, 'entity_id = $1', [goalA]],
      [{ entityType: 'Goal', entityId: goalB }, `entity_type = 'Goal' AND entity_id = $1`, [goalB]],
      [{ ...YEAR_2001 }, `at >= '2001-01-01Z' AND at < '2002-01-01Z'`, []],
      [{ from: '2001-04-01T12:00:00.123Z' }, `at >= '2001-04-01 12:00:00.123Z'`, []],
      [{ to: '2001-04-02T12:00:00.000Z' }, `at < '2001-04-02 12:00:00Z'`, []],
      [
        { actorId: staff.editor, action: 'deleteGoal', ...YEAR_2001 },
        `actor_id = $1 AND action = 'deleteGoal' AND at >= '2001-01-01Z' AND at < '2002-01-01Z'`,
        [staff.editor],
      ],
      [{ action: 'noSuchAction' }, 'false', []],
    ];
    for (const [filter, where, params] of cases) {
      const expected = await expectedIds(where, params);
      expect([filter, await listedIds(filter, 2)]).toEqual([filter, expected]);
      const res = await t.gql(LOG, { first: 1, filter }, { token: admin });
      expect([filter, res.body.data!.auditLog.totalCount]).toEqual([filter, expected.length]);
    }
    // The fixtures alone, so the cases above are not vacuous.
    expect(await expectedIds(`entity_id = $1`, [goalA])).toHaveLength(3);
  });

  it('pages one entry at a time through entries in the same microsecond and a microsecond apart', async () => {
    const filter = { from: '2001-04-01T00:00:00Z', to: '2001-04-03T00:00:00Z' };
    const expected = await expectedIds(`at >= '2001-04-01Z' AND at < '2001-04-03Z'`);
    expect(expected).toHaveLength(6);
    expect(await listedIds(filter, 1)).toEqual(expected);
  });

  it('shows each entry with its actor (null when there is none), its request id and its before and after as JSON objects', async () => {
    const res = await t.gql(LOG, { first: 50, filter: YEAR_2001 }, { token: admin });
    const nodes = res.body.data!.auditLog.edges.map((e: any) => e.node);
    const update = nodes.find((n: any) => n.action === 'updateGoal' && n.entityId === goalA);
    expect(update).toMatchObject({
      at: '2001-03-02T10:00:00.000Z',
      entityType: 'Goal',
      actor: { id: staff.editor, email: 'editor@nabz.example' },
      before: { status: 'DRAFT' },
      after: { status: 'ACTIVE' },
      requestId: 'req-updateGoal',
    });
    const anonymous = nodes.find((n: any) => n.action === 'signIn' && n.entityId === null);
    expect(anonymous).toMatchObject({ actor: null, before: null, after: null });
  });

  it('never shows a password, a hash or a secret, even from a row that stored one', async () => {
    const res = await t.gql(LOG, { first: 1, filter: { entityType: 'StaffUser', action: 'legacyChange' } }, { token: admin });
    const node = res.body.data!.auditLog.edges[0].node;
    expect(node.id).toBe(secretsEntryId);
    expect(node.before).toEqual({ email: 'a@b.example', session: {} });
    expect(node.after).toEqual({ email: 'a@b.example', nested: [{ ok: 1 }] });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|leak|deadbeef|s3cr3t|Hash|secret/);
  });

  it('records staff administration as it happens: the admin as actor, the request id, and no hash', async () => {
    const created = await t.gql(
      'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } } }',
      { input: { email: 'new.analyst@nabz.example', role: 'ANALYST', password: 'a-long-enough-passphrase' } },
      { token: admin, headers: { 'x-request-id': 'audit-log-test-1' } },
    );
    const id = created.body.data!.createStaffUser.staffUser.id;
    await t.gql(
      'mutation ($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { id } } }',
      { input: { id, active: false } },
      { token: admin },
    );
    const res = await t.gql(LOG, { filter: { entityType: 'StaffUser', entityId: id } }, { token: admin });
    const nodes = res.body.data!.auditLog.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.action)).toEqual(['updateStaffUser', 'createStaffUser']);
    expect(nodes[1]).toMatchObject({
      requestId: 'audit-log-test-1',
      actor: { email: 'admin@nabz.example' },
      before: null,
      after: { id, email: 'new.analyst@nabz.example', role: 'ANALYST', active: true },
    });
    expect(nodes[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(JSON.stringify(nodes)).not.toMatch(/argon2|passphrase|[Hh]ash/);
  });

  it('loads the actors of a whole page with one statement, and counts only when totalCount is asked for', async () => {
    const nodesOnly = 'query { auditLog(first: 50) { edges { node { id actor { email } } } } }';
    const withTotal = 'query { auditLog(first: 50) { totalCount edges { node { id actor { email } } } } }';
    let before = t.sqlCount();
    const res = await t.gql(nodesOnly, {}, { token: admin });
    const actors = new Set(res.body.data!.auditLog.edges.map((e: any) => e.node.actor?.email).filter(Boolean));
    expect(actors.size).toBeGreaterThanOrEqual(3);
    // The session lookup, the page, the actors.
    expect(t.sqlCount() - before).toBe(3);
    before = t.sqlCount();
    await t.gql(withTotal, {}, { token: admin });
    expect(t.sqlCount() - before).toBe(4);
  });

  it('refuses a malformed cursor, an out-of-range first and an empty time window with BAD_USER_INPUT before any SQL runs', async () => {
    const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: cursor(['2001-03-02T10:00:00.000Z', randomUUID()]) }, 'after'], // milliseconds: not a cursor we issue
      [{ after: cursor(['2001-03-02T10:00:00.000000Z', 'not-a-uuid']) }, 'after'],
      [{ after: cursor(['2001-13-45T10:00:00.000000Z', randomUUID()]) }, 'after'],
      [{ after: cursor([1, 2]) }, 'after'],
      [{ first: 0 }, 'first'],
      [{ filter: { from: '2001-02-01T00:00:00Z', to: '2001-01-01T00:00:00Z' } }, 'filter.to'],
      [{ filter: { action: 'a\u0000' } }, 'filter.action'],
    ];
    for (const [variables, field] of cases) {
      const before = t.sqlCount();
      const res = await t.gql(LOG, variables, { token: admin });
      expect([variables, res.body.errors?.[0].extensions]).toEqual([variables, { code: 'BAD_USER_INPUT', field }]);
      // The one statement is the session lookup that tells who is calling.
      expect(t.sqlCount() - before).toBe(1);
    }
  });

  it('answers an actorId that is not a staff id with an empty page, without querying', async () => {
    const before = t.sqlCount();
    const res = await t.gql(LOG, { filter: { actorId: 'nobody' } }, { token: admin });
    expect(res.body.data!.auditLog).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    expect(t.sqlCount() - before).toBe(1);
  });
});

describe('indexes', () => {
  it("serves every filter, and the next page after a cursor, from that filter's index: never a scan of the whole log", async () => {
    // 30,000 older entries spread over 300 actors, 200 actions, 100 kinds and 5,000 objects: each
    // filter picks a small part of the log, as in a real one, and the planner has a real choice.
    await t.app.db.query(
      `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id)
       SELECT timestamptz '1990-01-01Z' + g * interval '1 minute', md5('actor' || (g % 300))::uuid,
              'action' || (g % 200), 'Kind' || (g % 100), 'object-' || (g % 5000)
       FROM generate_series(1, 30000) g`,
    );
    await t.app.db.query('ANALYZE audit_log');
    const [{ actor }] = await t.app.db.query(`SELECT md5('actor7')::uuid AS actor`);
    const captured: Array<{ sql: string; params: unknown[] }> = [];
    const queries = t.app.queries as unknown as { logQuery(sql: string, params?: unknown[]): void };
    const original = queries.logQuery.bind(queries);
    queries.logQuery = (sql, params) => {
      captured.push({ sql, params: params ?? [] });
      original(sql, params);
    };
    try {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, 'ix_audit_log_at_id'],
        [{ actorId: actor }, 'ix_audit_log_actor_at'],
        [{ action: 'action7' }, 'ix_audit_log_action_at'],
        [{ entityType: 'Kind3' }, 'ix_audit_log_entity_type_at'],
        [{ entityId: 'object-42' }, 'ix_audit_log_entity_id_at'],
        [{ entityType: 'Kind2', entityId: 'object-42' }, 'ix_audit_log_entity_id_at'],
        [{ from: '1990-01-05T00:00:00Z', to: '1990-01-10T00:00:00Z' }, 'ix_audit_log_at_id'],
      ];
      for (const [filter, index] of cases) {
        const page = await t.gql(IDS_ONLY, { first: 20, filter }, { token: admin });
        const after = page.body.data!.auditLog.pageInfo.endCursor;
        for (const variables of [
          { first: 20, filter },
          { first: 20, filter, after },
        ]) {
          captured.length = 0;
          expect((await t.gql(IDS_ONLY, variables, { token: admin })).body.errors).toBeUndefined();
          const list = captured.find((q) => /ORDER BY/i.test(q.sql) && /audit_log/.test(q.sql))!;
          const [{ 'QUERY PLAN': plan }] = await t.app.db.query(`EXPLAIN (FORMAT JSON) ${list.sql}`, list.params);
          const nodes: string[] = [];
          const walk = (n: any) => {
            nodes.push(`${n['Node Type']}${n['Index Name'] ? `:${n['Index Name']}` : ''}`);
            (n.Plans ?? []).forEach(walk);
          };
          walk(plan[0].Plan);
          expect([variables, nodes.filter((n) => /Seq Scan/.test(n))]).toEqual([variables, []]);
          // An index scan in page order; or, for a filter that matches a handful of rows, a bitmap scan and a sort of those few.
          const served = nodes.includes(`Index Scan:${index}`) || nodes.includes(`Bitmap Index Scan:${index}`);
          expect([variables, nodes, served]).toEqual([variables, nodes, true]);
        }
      }
    } finally {
      queries.logQuery = original;
    }
  });
});
