import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { MediaInvitationReply } from '../media/media.enums';
import { confirmationPage } from './mail-message';
import { type MailService } from './mail.service';

/**
 * The links in e-mails. Opening one (GET) changes nothing: it answers with a small Persian page
 * whose button posts back to the same link, as mail scanners and link previews follow every link
 * in a message. POST does the work: the page's button, and the one-click unsubscribe that mail
 * programs send (RFC 8058, List-Unsubscribe-Post: a form body `List-Unsubscribe=One-Click`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export async function registerMailRoutes(http: FastifyInstance<any, any, any, any>, mail: MailService): Promise<void> {
  // Pages with nothing but inline styles and a form back to themselves; never inside another site's frame.
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .header('referrer-policy', 'no-referrer')
      .send(body);
  // The form's action: the link's own query, relative to the page (whatever path a proxy serves it under).
  const sameLink = (request: FastifyRequest) => `?${request.url.split('?')[1] ?? ''}`;
  const invalid = (what: string) => confirmationPage('پیوند نامعتبر است', what);

  // Form bodies (the page's button, a mail program's one-click POST) on these routes only: their
  // content is not needed, the signed link says it all; /graphql still takes JSON alone.
  await http.register(async (scope) => {
    scope.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'], (_request, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, undefined));
      payload.on('error', (err) => done(err, undefined));
    });

    scope.get('/mail/unsubscribe', async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      if (!mail.isUnsubscribeLink(q.c, q.t)) return html(reply, 400, invalid('این پیوند لغو اشتراک درست نیست یا ناقص کپی شده است.'));
      return html(
        reply,
        200,
        confirmationPage('لغو اشتراک', 'با زدن دکمهٔ زیر، دیگر ایمیلی از روابط عمومی برای شما فرستاده نمی‌شود.', {
          label: 'لغو اشتراک',
          action: sameLink(request),
        }),
      );
    });
    scope.post('/mail/unsubscribe', async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const ok = await mail.unsubscribe(q.c, q.t);
      // A browser (the page's button) gets a page; a mail program's one-click POST, JSON.
      if (/text\/html/.test(request.headers.accept ?? ''))
        return html(
          reply,
          ok ? 200 : 400,
          ok
            ? confirmationPage('اشتراک لغو شد', 'از این پس ایمیل‌های روابط عمومی برای شما فرستاده نمی‌شود.')
            : invalid('این پیوند لغو اشتراک درست نیست یا ناقص کپی شده است.'),
        );
      return reply.code(ok ? 200 : 400).send({ unsubscribed: ok });
    });

    scope.get('/mail/rsvp', async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const answer = mail.rsvpLinkReply(q.i, q.a, q.t);
      if (!answer) return html(reply, 400, invalid('این پیوند پاسخ درست نیست یا دعوت دیگر وجود ندارد.'));
      const accepting = answer === MediaInvitationReply.ACCEPTED;
      return html(
        reply,
        200,
        confirmationPage(
          accepting ? 'تأیید حضور' : 'اعلام نیامدن',
          accepting ? 'برای ثبت حضورتان دکمهٔ زیر را بزنید.' : 'برای ثبت اینکه نمی‌توانید بیایید دکمهٔ زیر را بزنید.',
          { label: accepting ? 'می‌آیم' : 'نمی‌توانم بیایم', action: sameLink(request) },
        ),
      );
    });
    scope.post('/mail/rsvp', async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const answer = await mail.rsvp(q.i, q.a, q.t);
      return html(
        reply,
        answer ? 200 : 400,
        answer === MediaInvitationReply.ACCEPTED
          ? confirmationPage('پاسخ شما ثبت شد', 'حضور شما را ثبت کردیم. منتظر دیدارتان هستیم.')
          : answer === MediaInvitationReply.DECLINED
            ? confirmationPage('پاسخ شما ثبت شد', 'ثبت کردیم که نمی‌توانید بیایید. از پاسخ شما سپاسگزاریم.')
            : invalid('این پیوند پاسخ درست نیست یا دعوت دیگر وجود ندارد.'),
      );
    });
  });
}
