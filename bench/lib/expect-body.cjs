/**
 * autocannon `verifyBody` (loaded by path inside autocannon's worker thread): the body must equal
 * BENCH_EXPECT_BODY, or, when BENCH_EXPECT_PREFIX is set, start with it (answers that differ by
 * design, e.g. a signature). autocannon refuses `expectBody` together with `requests`, which
 * next-body.cjs needs; this is the same check.
 */
const expected = process.env.BENCH_EXPECT_BODY;
const prefix = process.env.BENCH_EXPECT_PREFIX;

module.exports = prefix ? (body) => body.startsWith(prefix) : (body) => body === expected;
