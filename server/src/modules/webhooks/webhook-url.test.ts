import { isBlockedAddress, isLocalhostName, validateWebhookUrl, type WebhookUrlPolicy } from './webhook-url';

const production: WebhookUrlPolicy = { allowHttp: false, allowPrivate: false };
const development: WebhookUrlPolicy = { allowHttp: true, allowPrivate: false };
const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;
const doesNotResolve = async (): Promise<string[]> => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
};

async function refusal(
  url: string,
  policy: WebhookUrlPolicy,
  resolve = resolvesTo('93.184.215.14'),
): Promise<Record<string, unknown> | null> {
  try {
    await validateWebhookUrl(url, policy, resolve);
    return null;
  } catch (err) {
    return { message: (err as Error).message, ...(err as { extensions: Record<string, unknown> }).extensions };
  }
}

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.10',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '[::1]',
    'not-an-ip',
    // IPv4 inside IPv6: translated (SIIT), local-use NAT64, 6to4 and compatible forms.
    '::ffff:0:127.0.0.1',
    '[::ffff:0:127.0.0.1]',
    '::ffff:0:7f00:1',
    '::ffff:0:10.0.0.1',
    '64:ff9b:1::7f00:1',
    '64:ff9b:1:7f00:1::',
    '64:ff9b:1::808:808',
    '64:ff9b::127.0.0.1',
    '64:ff9b::10.1.2.3',
    '2002:7f00:1::1',
    '2002:c0a8:101::1',
    '::127.0.0.1',
    '::10.0.0.1',
    '::0.0.0.1',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '::ffff:0:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('allows %s', (address) => expect(isBlockedAddress(address)).toBe(false));
});

describe('isLocalhostName', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', 'api.localhost'])('treats %s as this machine', (name) =>
    expect(isLocalhostName(name)).toBe(true),
  );
  it.each(['localhost.example', 'mylocalhost'])('does not treat %s as this machine', (name) => expect(isLocalhostName(name)).toBe(false));
});

describe('validateWebhookUrl', () => {
  it('accepts a public https URL and returns it normalised', async () => {
    await expect(validateWebhookUrl('  https://Partner.Example/hooks/nabz?x=1 ', production, resolvesTo('93.184.215.14'))).resolves.toBe(
      'https://partner.example/hooks/nabz?x=1',
    );
  });

  it('refuses http:// in production and accepts it outside production', async () => {
    expect(await refusal('http://partner.example/hook', production)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
      message: expect.stringMatching(/https:\/\/ in production/),
    });
    expect(await refusal('http://partner.example/hook', development)).toBeNull();
  });

  it.each([
    'https://localhost/hook',
    'https://api.localhost/hook',
    'https://127.0.0.1/hook',
    'https://2130706433/hook', // 127.0.0.1 written as a number
    'https://0x7f.1/hook',
    'https://10.0.0.5:8443/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:0:127.0.0.1]/hook',
    'https://[64:ff9b:1::a9fe:a9fe]/hook',
    'https://[64:ff9b::10.0.0.1]/hook',
    'https://[2002:a00:1::1]/hook',
    'https://[::169.254.169.254]/hook',
    'https://[fe80::1]/hook',
  ])('refuses %s (this machine or a private address)', async (url) => {
    expect(await refusal(url, production)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
      message: expect.stringMatching(/private|this machine/),
    });
  });

  it('refuses a host name that resolves to a private address, even when another of its addresses is public', async () => {
    expect(await refusal('https://internal.partner.example/hook', production, resolvesTo('93.184.215.14', '10.0.0.7'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/resolves to a private/),
    });
  });

  it('accepts a host name that does not resolve yet (deliveries check the address when they connect)', async () => {
    expect(await refusal('https://hooks.partner.example/nabz', production, doesNotResolve)).toBeNull();
  });

  it('allows private addresses and localhost when told to (tests, or a city-internal partner)', async () => {
    expect(await refusal('http://127.0.0.1:4567/hook', { allowHttp: true, allowPrivate: true })).toBeNull();
    expect(await refusal('https://localhost/hook', { allowHttp: false, allowPrivate: true })).toBeNull();
  });

  it.each([
    ['', /Give the URL/],
    ['not a url', /spaces/],
    ['partner.example/hook', /not valid/],
    ['ftp://partner.example/hook', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['https://user:pass@partner.example/hook', /user name or password/],
    ['https://partner.example/hook#part', /fragment/],
    [`https://partner.example/${'a'.repeat(2000)}`, /longer than 2000/],
  ])('refuses %j with a message saying what to change', async (url, message) => {
    expect(await refusal(url, development)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
      message: expect.stringMatching(message),
    });
  });
});
