/**
 * Trusted documents: the committed manifest lists exactly the website's operations, and with
 * TRUSTED_DOCUMENTS=enforce (the production default) an anonymous caller may send only those,
 * while API keys and staff may send any query.
 */
import fs from 'node:fs';
import { parse, print, Kind, type OperationDefinitionNode } from 'graphql';
import { MANIFEST_PATH, type DocumentManifest } from '../../server/src/graphql/trusted-documents';
import { manifestText, webManifest } from '../../server/src/schema/emit-documents';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput } from '../helpers/polls';

const manifest = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8')) as DocumentManifest;

describe('the manifest', () => {
  it("matches the web's operations (run `npm run documents -w server` and commit the result)", () => {
    expect(fs.readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestText(webManifest()));
    expect(Object.keys(manifest.documents).length).toBeGreaterThan(0);
  });
});

describe('with TRUSTED_DOCUMENTS=enforce', () => {
  /** `t` enforces; `open`, a second instance on the same database, does not (the tests sign in there). */
  let t: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    open = await startTestApp();
    t = await startTestApp({ databaseUrl: open.databaseUrl, env: { TRUSTED_DOCUMENTS: 'enforce' } });
  });
  afterAll(async () => {
    await t.close();
    await open.close();
  });

  it('refuses an anonymous query the website never sends, with 403 UNTRUSTED_DOCUMENT and no SQL', async () => {
    const before = t.sqlCount();
    for (const query of ['{ __typename }', '{ districts { id code } }', '{ __schema { types { name } } }']) {
      const res = await t.gql(query);
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNTRUSTED_DOCUMENT');
    }
    expect(t.sqlCount()).toBe(before);
  });

  it('runs every website operation for anonymous callers, however it is spaced and whether or not __typename is added', async () => {
    for (const text of Object.values(manifest.documents)) {
      // As Apollo Client sends it: __typename added to the first selection set, whitespace squeezed.
      const sent = text.replace('{', '{ __typename ').replace(/\s+/g, ' ');
      const res = await t.gql(sent, {});
      expect([text.slice(0, 60), res.body.errors?.find((e) => e.extensions?.code === 'UNTRUSTED_DOCUMENT')]).toEqual([
        text.slice(0, 60),
        undefined,
      ]);
    }
    // One without variables runs to the end.
    const plain = Object.values(manifest.documents).find((text) => {
      const op = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      // Staff operations (named Staff…) are in the manifest too, but answer UNAUTHENTICATED without a session.
      return op?.operation === 'query' && !op.variableDefinitions?.length && !op.name?.value.startsWith('Staff');
    });
    if (plain) {
      const res = await t.gql(print(parse(plain)));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toBeTruthy();
    }
  });

  it("takes a citizen's answer sent with the website's own operations (the poll form's rules query and submission)", async () => {
    const operation = (name: string) =>
      Object.values(manifest.documents).find((text) => text.includes(`${name}(`) || text.includes(`${name} `));
    const rules = operation('query PollRules');
    const submit = operation('mutation SubmitPollResponse');
    expect([rules !== undefined, submit !== undefined, operation('subscription') !== undefined]).toEqual([true, true, true]);
    const editor = await open.signIn('editor');
    const poll = await createPoll(open, editor, surveyInput({ questions: [{ kind: 'RATING', promptFa: 'نمره' }] }));
    const read = await t.gql(rules!, { id: poll.id });
    expect(read.body.errors).toBeUndefined();
    const res = await t.gql<{ submitPollResponse: { pollId: string } }>(submit!, {
      input: { pollId: poll.id, answers: [{ questionId: poll.questions[0].id, number: 4 }] },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.submitPollResponse.pollId).toBe(poll.id);
  });

  it('lets API keys and staff send any query', async () => {
    const admin = await open.signIn('admin');
    expect((await t.gql('{ districts { id } }', {}, { token: admin })).body.errors).toBeUndefined();
    const created = await t.gql(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'Partner', scopes: ['PUBLIC_READ'], requestsPerMinute: 100 } },
      { token: admin },
    );
    const secret = created.body.data!.createApiKey.secret;
    const res = await t.gql('{ districts { id } }', {}, { headers: { 'x-api-key': secret } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.districts.length).toBeGreaterThan(0);
  });
});
