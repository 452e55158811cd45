/**
 * autocannon `setupRequest` (loaded by path inside autocannon's worker thread): gives every request
 * the next body of the JSON-lines file named by BENCH_BODIES_FILE, for loads where each request
 * must differ (a solved challenge or a blind token buys one answer). A body is never sent twice:
 * once the file runs out, requests carry `{}`, which the server refuses, so an under-provisioned
 * run shows up as unexpected bodies rather than as replays.
 */
const { readFileSync } = require('node:fs');

const bodies = readFileSync(process.env.BENCH_BODIES_FILE, 'utf8').split('\n').filter(Boolean);
let next = 0;

module.exports = function nextBody(request) {
  request.body = next < bodies.length ? bodies[next++] : '{}';
  return request;
};
