// Where the browser keeps a poll token between verifying and answering: sessionStorage, so a
// reload keeps it and closing the tab forgets it. Apart from poll-token.ts so that pages which only
// forget a token do not load the blind-signature code.

export interface PollToken {
  /** base64url of the prepared message (RFC 9474 `prepare` output). */
  message: string;
  /** base64url of the unblinded signature. */
  signature: string;
}

/** Kept for this tab only, until the answer it buys is accepted (a reload must not lose it). */
const storageKey = (pollId: string) => `nabz-poll-token:${pollId}`;

export function storedToken(pollId: string): PollToken | null {
  try {
    const raw = sessionStorage.getItem(storageKey(pollId));
    const token = raw ? (JSON.parse(raw) as PollToken) : null;
    return token && typeof token.message === 'string' && typeof token.signature === 'string' ? token : null;
  } catch {
    return null;
  }
}

export function storeToken(pollId: string, token: PollToken): void {
  try {
    sessionStorage.setItem(storageKey(pollId), JSON.stringify(token));
  } catch {
    // Private modes may refuse storage: the token then lives only as long as the page.
  }
}

export function forgetToken(pollId: string): void {
  try {
    sessionStorage.removeItem(storageKey(pollId));
  } catch {
    // Nothing stored.
  }
}
