import { type FastifyInstance } from 'fastify';
import { MediaInvitationReply } from '../media/media.enums';
import { confirmationPage } from './mail-message';
import { type MailService } from './mail.service';

/**
 * The links in e-mails. GET answers with a small Persian page; POST /mail/unsubscribe is the
 * one-click unsubscribe mail programs send (RFC 8058, List-Unsubscribe-Post).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export function registerMailRoutes(http: FastifyInstance<any, any, any, any>, mail: MailService) {
  const page = (title: string, message: string) => confirmationPage(title, message);
  const unsubscribe = async (query: Record<string, unknown>) => mail.unsubscribe(query.c, query.t);

  http.get('/mail/unsubscribe', async (request, reply) => {
    const ok = await unsubscribe(request.query as Record<string, unknown>);
    void reply
      .code(ok ? 200 : 400)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        ok
          ? page('اشتراک لغو شد', 'از این پس ایمیل‌های روابط عمومی برای شما فرستاده نمی‌شود.')
          : page('پیوند نامعتبر است', 'این پیوند لغو اشتراک درست نیست یا ناقص کپی شده است.'),
      );
  });
  http.post('/mail/unsubscribe', async (request, reply) => {
    const ok = await unsubscribe(request.query as Record<string, unknown>);
    void reply.code(ok ? 200 : 400).send({ unsubscribed: ok });
  });
  http.get('/mail/rsvp', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const answer = await mail.rsvp(q.i, q.a, q.t);
    void reply
      .code(answer ? 200 : 400)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        answer === MediaInvitationReply.ACCEPTED
          ? page('پاسخ شما ثبت شد', 'حضور شما را ثبت کردیم. منتظر دیدارتان هستیم.')
          : answer === MediaInvitationReply.DECLINED
            ? page('پاسخ شما ثبت شد', 'ثبت کردیم که نمی‌توانید بیایید. از پاسخ شما سپاسگزاریم.')
            : page('پیوند نامعتبر است', 'این پیوند پاسخ درست نیست یا دعوت دیگر وجود ندارد.'),
      );
  });
}
