import { decodeCursor, encodeCursor, isCursorInstant, toPage } from './pagination';

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor([3, 'abc']), ['int', 'string'])).toEqual([3, 'abc']);
    expect(decodeCursor(encodeCursor([2 ** 31 - 1, 'abc']), ['int', 'string'])).toEqual([2 ** 31 - 1, 'abc']);
    expect(decodeCursor(encodeCursor([-(2 ** 31), 'abc']), ['int', 'string'])).toEqual([-(2 ** 31), 'abc']);
  });

  it.each([
    '',
    '!!!',
    encodeCursor(['3', 'abc']),
    encodeCursor([3]),
    Buffer.from('{"a":1}').toString('base64url'),
    // Numbers PostgreSQL's integer does not take, and a NUL byte it does not store.
    encodeCursor([1.5, 'abc']),
    encodeCursor([1e308, 'abc']),
    encodeCursor([2 ** 31, 'abc']),
    encodeCursor([-(2 ** 31) - 1, 'abc']),
    encodeCursor([3, 'a\u0000b']),
  ])('refuses the malformed cursor %p with BAD_USER_INPUT', (cursor) => {
    expect(() => decodeCursor(cursor, ['int', 'string'])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    );
  });
});

describe('cursor parts', () => {
  const id = '6f1c2a1e-8d1b-4c33-9a6e-0d3b5c7a9e11';
  it('takes an instant and an id as the server writes them', () => {
    const at = new Date('2026-03-01T12:34:56.789Z').toISOString();
    expect(decodeCursor(encodeCursor([at, id]), ['instant', 'uuid'])).toEqual([at, id]);
  });

  it.each([
    ['1', id],
    ['2026-02-30T00:00:00.000Z', id],
    ['2026-03-01T12:34:56.789Z', 'not-an-id'],
  ])('refuses %p, %p as an instant and an id', (at, uuid) => {
    expect(() => decodeCursor(encodeCursor([at, uuid]), ['instant', 'uuid'])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    );
  });
});

describe('isCursorInstant', () => {
  it('takes an instant as toISOString writes it', () => {
    expect(isCursorInstant(new Date('2026-03-01T12:34:56.789Z').toISOString())).toBe(true);
    expect(isCursorInstant('0001-01-01T00:00:00.000Z')).toBe(true);
  });

  it.each(['1', '2026-02-30T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-01-01', '2026-01-01T00:00:00.000Z\u0000', 'Tue 5'])(
    'refuses %p: not an instant as a cursor carries it, or not one PostgreSQL reads',
    (value) => {
      expect(isCursorInstant(value)).toBe(false);
    },
  );
});

describe('toPage', () => {
  it('uses the extra row only to say that another page follows', () => {
    const page = toPage([1, 2, 3], 2, 10, (n) => [n]);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(toPage([], 2, 0, (n: number) => [n]).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
