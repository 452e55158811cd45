/**
 * The examples in docs/api.md run: every `curl` command is executed against a real server (with
 * the demo data, an API key in $NABZ_API_KEY, a staff token in $TOKEN and a poll in $POLL_ID), and
 * every GraphQL example is validated against the schema. A doc that drifts from the API fails here.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../server/src/graphql/schema';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput } from '../helpers/polls';

const DOC = path.resolve(__dirname, '../../docs/api.md');
const run = promisify(execFile);

function blocks(language: string): Array<{ line: number; text: string }> {
  const lines = fs.readFileSync(DOC, 'utf8').split('\n');
  const found: Array<{ line: number; text: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== `\`\`\`${language}`) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    found.push({ line: start + 1, text: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

/** Each operation of a block on its own (blocks list several examples one after another). */
function operations(text: string): DocumentNode[] {
  const doc = parse(text);
  const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return doc.definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] }));
}

describe('GraphQL examples in docs/api.md', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });
  it.each(blocks('graphql').map((b) => [b.line, b.text] as const))('the example at line %i is valid against the schema', (_line, text) => {
    const errors = operations(text).flatMap((doc) => validate(schema, doc).map((e) => e.message));
    expect(errors).toEqual([]);
  });
});

describe('curl examples in docs/api.md', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    const admin = await t.signIn('admin');
    const created = await t.gql(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'Docs', scopes: ['PUBLIC_READ'], requestsPerMinute: 100 } },
      { token: admin },
    );
    const poll = await createPoll(t, await t.signIn('editor'), surveyInput());
    env = { ...process.env, NABZ_API_KEY: created.body.data!.createApiKey.secret, TOKEN: admin, POLL_ID: poll.id } as Record<
      string,
      string
    >;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nabz-docs-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const scripts = blocks('sh').filter((b) => b.text.includes('curl '));

  it('has curl examples', () => expect(scripts.length).toBeGreaterThan(2));

  it.each(scripts.map((b) => [b.line, b.text] as const))('the commands at line %i work against a real server', async (_line, script) => {
    const { stdout } = await run('bash', ['-e', '-c', script.replaceAll('http://localhost:4000', t.url)], {
      env,
      cwd: dir,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (script.includes('/graphql')) {
      const body = JSON.parse(stdout) as { data?: unknown; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      expect(body.data).toBeTruthy();
    }
  });
});
