import { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it accepts (parsed, with the raw
 * source), for tests of what the app sends. `stop()` closes it (the port is then refused), and
 * `start(port)` opens it again on the same port: a mail server that was down and came back.
 */
export class SmtpCapture {
  readonly messages: Array<ParsedMail & { raw: string; envelopeTo: string[]; receivedAt: number }> = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const receivedAt = Date.now();
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push(
                Object.assign(parsed, { raw: raw.toString('utf8'), envelopeTo: session.envelope.rcptTo.map((r) => r.address), receivedAt }),
              );
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string) {
    return this.messages.filter((m) => m.envelopeTo.includes(address));
  }
}

export { waitFor } from './wait';
