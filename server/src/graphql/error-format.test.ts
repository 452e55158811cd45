import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from '../common/errors';
import { formatError } from './error-format';

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
});
