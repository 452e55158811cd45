/**
 * TRUST_PROXY as a list: X-Forwarded-For is believed only from the listed proxies (the website, a
 * load balancer), so the per-address submission limit applies to each citizen behind the website
 * while a direct caller cannot pick an address to dodge it.
 */
import { loadConfig } from '../../server/src/config';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

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

describe('TRUST_PROXY', () => {
  it('takes true, false or a list, and refuses anything else with a clear message', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'the-web-server' })).toThrow(/TRUST_PROXY/);
  });

  describe('trusting the website on loopback', () => {
    let t: TestApp;
    let poll: CreatedPoll;
    beforeAll(async () => {
      t = await startTestApp({ env: { TRUST_PROXY: 'loopback', SUBMISSIONS_PER_MINUTE: '2' } });
      poll = await createPoll(t, await t.signIn('editor'), surveyInput());
    });
    afterAll(() => t.close());

    it('limits each forwarded citizen on their own', async () => {
      const from = (address: string) => t.gql(SUBMIT, { input: answers(poll) }, { headers: { 'x-forwarded-for': address } });
      const codes = async (address: string) => [
        (await from(address)).body.errors?.[0]?.extensions?.code,
        (await from(address)).body.errors?.[0]?.extensions?.code,
        (await from(address)).body.errors?.[0]?.extensions?.code,
      ];
      expect(await codes('203.0.113.7')).toEqual([undefined, undefined, 'RATE_LIMITED']);
      expect(await codes('198.51.100.23')).toEqual([undefined, undefined, 'RATE_LIMITED']);
    });

    it('counts a whole IPv6 /64 as one client, and an IPv4 address as one however it is written', async () => {
      const code = async (address: string) => (await from(address)).body.errors?.[0]?.extensions?.code;
      const from = (address: string) => t.gql(SUBMIT, { input: answers(poll) }, { headers: { 'x-forwarded-for': address } });
      // One subscriber's /64: a new interface id each time is still the same client.
      expect([await code('2001:db8:aaaa:1::1'), await code('2001:db8:aaaa:1:ffff::2'), await code('2001:db8:aaaa:1:1:2:3:4')]).toEqual([
        undefined,
        undefined,
        'RATE_LIMITED',
      ]);
      // The next /64 is another client.
      expect(await code('2001:db8:aaaa:2::1')).toBeUndefined();
      // A port beside the address (some load balancers write one) is not a new client each time, nor is a value that is no address.
      expect([await code('198.51.100.62:1000'), await code('198.51.100.62:1001'), await code('198.51.100.62:1002')]).toEqual([
        undefined,
        undefined,
        'RATE_LIMITED',
      ]);
      expect([await code('unknown-1'), await code('unknown-2'), await code('unknown-3')]).toEqual([undefined, undefined, 'RATE_LIMITED']);
      expect([await code('198.51.100.61'), await code('::ffff:198.51.100.61'), await code('::ffff:c633:643d')]).toEqual([
        undefined,
        undefined,
        'RATE_LIMITED',
      ]);
    });
  });

  describe('trusting only another address', () => {
    let t: TestApp;
    let poll: CreatedPoll;
    beforeAll(async () => {
      t = await startTestApp({ env: { TRUST_PROXY: '10.1.2.3', SUBMISSIONS_PER_MINUTE: '2' } });
      poll = await createPoll(t, await t.signIn('editor'), surveyInput());
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For from a caller that is not a trusted proxy', async () => {
      const codes: unknown[] = [];
      for (const address of ['203.0.113.8', '203.0.113.9', '203.0.113.10']) {
        codes.push(
          (await t.gql(SUBMIT, { input: answers(poll) }, { headers: { 'x-forwarded-for': address } })).body.errors?.[0]?.extensions?.code,
        );
      }
      expect(codes).toEqual([undefined, undefined, 'RATE_LIMITED']);
    });
  });
});
