import { type FastifyReply, type FastifyRequest } from 'fastify';
import { RESPONDENT_COOKIE, type RespondentCookie } from './context';

const MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The web's respondent-token cookie of one request: read it, and set it when the token changes. */
export function respondentCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): RespondentCookie {
  const token = request.cookies[RESPONDENT_COOKIE];
  return {
    token,
    set(next: string) {
      if (next === token) return;
      void reply.setCookie(RESPONDENT_COOKIE, next, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: MAX_AGE_SECONDS });
    },
  };
}

/**
 * The same Set-Cookie value as `respondentCookie(...).set(token)` writes through @fastify/cookie,
 * for a response that sets no other cookie (the submission fast path). Tokens are base64url, so
 * the value needs no encoding.
 */
export function respondentSetCookie(token: string, secure: boolean): string {
  return `${RESPONDENT_COOKIE}=${token}; Max-Age=${MAX_AGE_SECONDS}; Path=/; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;
}
