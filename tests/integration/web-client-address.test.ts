/**
 * The website's visitor address (X-Nabz-Client, signed with WEB_API_SECRET): the API counts limits
 * by the visitor the website vouches for, and a caller without the secret cannot pass for the
 * website, whatever address it claims or however it rotates it.
 */
import { signWebClient, WEB_CLIENT_HEADER } from '../../server/src/common/client-address';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

const SECRET = 'web-api-secret-for-the-tests-0123456789';
const SUBMIT = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }';

function answers(poll: CreatedPoll): Record<string, unknown> {
  const [single, , rating] = poll.questions;
  return {
    pollId: poll.id,
    answers: [
      { questionId: single.id, optionIds: [single.options[0].id] },
      { questionId: rating.id, number: 4 },
    ],
  };
}

let t: TestApp;
let poll: CreatedPoll;
beforeAll(async () => {
  t = await startTestApp({ env: { WEB_API_SECRET: SECRET, SUBMISSIONS_PER_MINUTE: '2' } });
  poll = await createPoll(t, await t.signIn('editor'), surveyInput());
});
afterAll(() => t.close());

const submitAs = async (header: string) =>
  (await t.gql(SUBMIT, { input: answers(poll) }, { headers: { [WEB_CLIENT_HEADER]: header } })).body.errors?.[0]?.extensions?.code;

describe("the website's signed visitor address", () => {
  it('limits each visitor the website vouches for on their own', async () => {
    const codes = async (address: string) => [
      await submitAs(signWebClient(SECRET, address)),
      await submitAs(signWebClient(SECRET, address)),
      await submitAs(signWebClient(SECRET, address)),
    ];
    expect(await codes('203.0.113.7')).toEqual([undefined, undefined, 'RATE_LIMITED']);
    expect(await codes('2001:db8::7')).toEqual([undefined, undefined, 'RATE_LIMITED']);
  });

  it('counts a caller that signs with another secret, or sends a stale or malformed header, as itself however it rotates the address', async () => {
    const forged = [
      signWebClient('another-secret-that-is-long-enough-000', '198.51.100.1'),
      signWebClient(SECRET, '198.51.100.2', Date.now() - 6 * 60_000),
      signWebClient(SECRET, '198.51.100.3', Date.now() + 6 * 60_000),
      signWebClient(SECRET, '198.51.100.4').replace('198.51.100.4', '198.51.100.5'),
      '198.51.100.6',
      `not-an-address;${Math.floor(Date.now() / 1000)};x`,
    ];
    const codes = [];
    for (const header of forged) codes.push(await submitAs(header));
    // All six are the test client's own (127.0.0.1): two answers, then its limit.
    expect(codes).toEqual([undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // The test client is not the website: its own address stays limited, signed visitors do not.
    expect(await submitAs(signWebClient(SECRET, '192.0.2.44'))).toBeUndefined();
  });
});

describe('without WEB_API_SECRET', () => {
  it('ignores the header', async () => {
    const plain = await startTestApp({ databaseUrl: t.databaseUrl, env: { SUBMISSIONS_PER_MINUTE: '1' } });
    try {
      const send = (address: string) =>
        plain.gql(SUBMIT, { input: answers(poll) }, { headers: { [WEB_CLIENT_HEADER]: signWebClient(SECRET, address) } });
      expect((await send('203.0.113.80')).body.errors).toBeUndefined();
      expect((await send('203.0.113.81')).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await plain.close();
    }
  });
});
