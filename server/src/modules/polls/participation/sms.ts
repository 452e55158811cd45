import { type Logger } from '../../../logger';

/** Sends one text message. Throws when the gateway did not take it (nothing was sent then). */
export interface SmsGateway {
  readonly name: string;
  sendCode(mobile: string, code: string): Promise<void>;
}

/** The message of a one-time code, in Persian. */
export const codeMessage = (code: string) => `کد تأیید نبض: ${code}\nاین کد تا ۲ دقیقه معتبر است. آن را به کسی ندهید.`;

/** Development: the code goes to the server log (the default for `npm start`). */
export class LogSmsGateway implements SmsGateway {
  readonly name = 'log';
  constructor(private readonly log: Logger) {}
  async sendCode(mobile: string, code: string): Promise<void> {
    this.log.warn({ mobile, code }, `SMS (development gateway, not sent): verification code ${code} for ${mobile}`);
  }
}

/** Tests: keeps what would have been sent, and can be told to fail like a gateway that is down. */
export class CapturingSmsGateway implements SmsGateway {
  readonly name = 'capture';
  readonly sent: Array<{ mobile: string; code: string; at: Date }> = [];
  down = false;
  async sendCode(mobile: string, code: string): Promise<void> {
    if (this.down) throw new Error('SMS gateway is down (test)');
    this.sent.push({ mobile, code, at: new Date() });
  }
  /** The last code sent to this number. */
  lastCode(mobile: string): string | undefined {
    return [...this.sent].reverse().find((s) => s.mobile === mobile)?.code;
  }
}

export interface KavenegarSettings {
  apiKey: string;
  /** A verification template defined in the Kavenegar panel, with %token for the code. */
  template: string;
  baseUrl: string;
  timeoutMs: number;
}

/**
 * Kavenegar's verify/lookup HTTP API over HTTPS (its npm SDK speaks plain HTTP, which would send
 * the API key and every number in the clear). Status 200 in the body's `return` is success.
 */
export class KavenegarSmsGateway implements SmsGateway {
  readonly name = 'kavenegar';
  constructor(private readonly settings: KavenegarSettings) {}

  async sendCode(mobile: string, code: string): Promise<void> {
    const { apiKey, template, baseUrl, timeoutMs } = this.settings;
    const url = `${baseUrl.replace(/\/+$/, '')}/v1/${encodeURIComponent(apiKey)}/verify/lookup.json`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ receptor: mobile, token: code, template }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json().catch(() => null)) as { return?: { status?: number; message?: string } } | null;
    if (!res.ok || body?.return?.status !== 200) {
      throw new Error(
        `Kavenegar refused the message: HTTP ${res.status}, status ${body?.return?.status ?? '?'} ${body?.return?.message ?? ''}`.trim(),
      );
    }
  }
}
