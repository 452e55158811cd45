/**
 * What a production instance tells callers about its schema and what request bodies it reads:
 * no "Did you mean …?" suggestions (HTTP and WebSocket, validation and variables), and a JSON body
 * declared in a charset other than UTF-8 is refused with 415 before anything runs.
 */
import fs from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { MANIFEST_PATH, type DocumentManifest } from '../../server/src/graphql/trusted-documents';
import { startTestApp, type TestApp } from '../helpers/app';

const manifest = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8')) as DocumentManifest;
const SIGN_IN_DOCUMENT = Object.values(manifest.documents).find((text) => /mutation StaffSignIn\b/.test(text))!;

let production: TestApp;
let development: TestApp;
beforeAll(async () => {
  production = await startTestApp({ env: { NODE_ENV: 'production', RESPONDENT_SECRET: 'r'.repeat(32), DEMO_DATA: 'true' } });
  // The same database, so the same secrets (the server refuses others: db/secret-fingerprints.ts).
  development = await startTestApp({ databaseUrl: production.databaseUrl, env: { RESPONDENT_SECRET: 'r'.repeat(32) } });
});
afterAll(async () => {
  await development?.close();
  await production?.close();
});

describe('error messages in production', () => {
  it('name no field when an anonymous caller sends a website document with a misspelt input field', async () => {
    expect(SIGN_IN_DOCUMENT).toBeDefined();
    const variables = { input: { email: 'a@b.example', password: 'x', pasword: 'x' } };
    const res = await production.gql(SIGN_IN_DOCUMENT, variables);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).not.toMatch(/Did you mean/);
    // Outside production the hint stays, for developers.
    const dev = await development.gql(SIGN_IN_DOCUMENT, variables);
    expect(dev.body.errors?.[0].message).toMatch(/Did you mean "password"\?/);
  });

  it('name no field in a validation error, even to staff', async () => {
    const token = await development.signIn('admin');
    const res = await production.gql('{ goals(first: 1) { totalCont } }', {}, { token });
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors?.[0].message).toMatch(/Cannot query field "totalCont"/);
    expect(res.body.errors?.[0].message).not.toMatch(/Did you mean/);
    const dev = await development.gql('{ goals(first: 1) { totalCont } }');
    expect(dev.body.errors?.[0].message).toMatch(/Did you mean "totalCount"\?/);
  });

  it("name no field in a subscription's validation error over the WebSocket", async () => {
    const token = await development.signIn('admin');
    const client = createClient({
      url: production.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const errors = await new Promise<Array<{ message: string }>>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription ($pollId: ID!) { pollResultsUpdated(pollId: $pollId) { responseCont } }', variables: { pollId: 'x' } },
          {
            next: () => reject(new Error('expected an error')),
            error: (e) => (Array.isArray(e) ? resolve(e as Array<{ message: string }>) : reject(e)),
            complete: () => reject(new Error('completed without an error')),
          },
        );
      });
      expect(errors[0].message).toMatch(/Cannot query field "responseCont"/);
      expect(errors[0].message).not.toMatch(/Did you mean/);
    } finally {
      await client.dispose();
    }
  });
});

describe('request bodies', () => {
  it.each(['latin1', 'ISO-8859-1', 'utf-16', '"windows-1256"'])(
    'refuses JSON declared charset=%s with 415 UNSUPPORTED_MEDIA_TYPE and runs nothing',
    async (charset) => {
      const before = production.sqlCount();
      const res = await fetch(production.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': `application/json; charset=${charset}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(415);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(body.errors[0].message).toMatch(/UTF-8/);
      expect(production.sqlCount()).toBe(before);
    },
  );

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF8'])('accepts %s', async (type) => {
    const token = await development.signIn('editor');
    const res = await fetch(production.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
  });
});
