import { headers } from 'next/headers';

/** The request header proxy.ts passes this response's Content-Security-Policy nonce in. */
export const NONCE_HEADER = 'x-nonce';

/** The nonce an inline script of this page must carry to run under the page's policy. */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined;
}
