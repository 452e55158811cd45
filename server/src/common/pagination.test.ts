import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor([3, 'abc']), ['number', 'string'])).toEqual([3, 'abc']);
  });

  it.each(['', '!!!', encodeCursor(['3', 'abc']), encodeCursor([3]), Buffer.from('{"a":1}').toString('base64url')])(
    'refuses the malformed cursor %p with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor, ['number', 'string'])).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      );
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
