import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body the plain server answers: about the size of `{ __typename }`'s answer. */
export const PLAIN_HTTP_BODY = JSON.stringify({ data: { __typename: 'Query' } });

/**
 * A bare `node:http` server on 127.0.0.1 that reads the request body and answers a tiny JSON body:
 * the ceiling any Node HTTP server on this machine can reach, measured in the same run.
 */
export async function plainHttpBaseline(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(PLAIN_HTTP_BODY) });
      res.end(PLAIN_HTTP_BODY);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
