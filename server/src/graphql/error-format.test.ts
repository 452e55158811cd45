import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from '../common/errors';
import { formatError, logUnexpectedError } from './error-format';
import { type Logger } from '../logger';

describe('formatError', () => {
  it('masks an unexpected error: no message, stack or SQL reaches the client', () => {
    const raw = new Error('duplicate key value violates unique constraint "uq_x" SELECT * FROM staff_user');
    const wrapped = new GraphQLError(raw.message, { originalError: raw, path: ['goals'] });
    const out = formatError({ message: raw.message, path: ['goals'], extensions: { stacktrace: ['at x'] } }, wrapped);
    expect(out).toEqual({
      message: expect.stringMatching(/Unexpected error/),
      path: ['goals'],
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  });

  it('passes a domain error with its code and extensions', () => {
    const error = new AppError(ErrorCode.RATE_LIMITED, 'Too many', { retryAfter: 9 });
    const wrapped = new GraphQLError('Too many', { originalError: error, path: ['signIn'] });
    expect(formatError({ message: 'Too many', path: ['signIn'] }, wrapped).extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 9 });
  });

  it("answers an automatic persisted query whose hash is not its query's as the caller's mistake, and does not log it as the server's", () => {
    const error = new GraphQLError('provided sha does not match query');
    expect(formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: expect.stringMatching(/sha256Hash/),
      extensions: { code: 'BAD_REQUEST' },
    });
    const logged: unknown[] = [];
    const log = { error: (...args: unknown[]) => logged.push(args), warn: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
    logUnexpectedError(log, error, 'r-1');
    expect(logged).toEqual([]);
  });
});
