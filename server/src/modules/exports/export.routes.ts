import { Readable } from 'node:stream';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { badInput, forbidden, unauthenticated } from '../../common/errors';
import { SESSION_COOKIE } from '../../graphql/context';
import { Locale, localeFromHeader } from '../../common/locale';
import { authenticate, sessionExpired, viewerOf } from '../../graphql/identity';
import { sendAppError } from '../../graphql/http-error';
import { type Services } from '../../services';
import { type Viewer } from '../staff/staff.policy';
import { type Cell, csvChunks } from './csv';
import { canExportPolls } from './export.policy';
import { resultRows } from './poll-results-csv';

type ExportRequest = FastifyRequest<{ Params: { pollId: string }; Querystring: { locale?: string } }>;

/** Staff who may export, by the same credentials as GraphQL (a session cookie or a bearer token). */
async function exporter(request: FastifyRequest, services: Services): Promise<Viewer> {
  const identity = await authenticate(
    { authorization: request.headers.authorization, sessionCookie: request.cookies[SESSION_COOKIE] },
    services,
  );
  const viewer = viewerOf(identity);
  if (!viewer) throw identity.kind === 'anonymous' && identity.staleCookie ? sessionExpired() : unauthenticated();
  if (!canExportPolls(viewer)) throw forbidden();
  return viewer;
}

function localeOf(request: ExportRequest): Locale {
  const { locale } = request.query;
  if (locale === undefined) return localeFromHeader(request.headers['accept-language']);
  if (locale !== Locale.FA && locale !== Locale.EN) throw badInput('locale is fa or en.', 'locale');
  return locale;
}

function sendCsv(reply: FastifyReply, filename: string, rows: AsyncIterable<Cell[]> | Iterable<Cell[]>): FastifyReply {
  reply
    .code(200)
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store');
  // Fastify answers HEAD by draining the GET's body: that would run the whole export for nothing.
  if (reply.request.method === 'HEAD') return reply.send();
  const source =
    Symbol.asyncIterator in rows
      ? rows
      : (async function* () {
          yield* rows;
        })();
  // Not object mode: the stream buffers about 64 KiB, then stops pulling rows (and so stops
  // querying) until the client has read them.
  const body = Readable.from(csvChunks(source), { objectMode: false, highWaterMark: 64 * 1024 });
  return reply.send(body);
}

/**
 * Staff exports of poll data as CSV: plain HTTP GETs, so a spreadsheet or a browser link can fetch
 * them. Errors before the first byte are JSON in the API's error shape, with the matching HTTP
 * status; an error after it can only cut the download short (and is logged).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export function registerExportRoutes(http: FastifyInstance<any, any, any, any>, services: Services): void {
  const handle =
    (build: (request: ExportRequest, reply: FastifyReply, locale: Locale, viewer: Viewer) => Promise<FastifyReply>) =>
    async (request: ExportRequest, reply: FastifyReply) => {
      try {
        const viewer = await exporter(request, services);
        return await build(request, reply, localeOf(request), viewer);
      } catch (err) {
        return sendAppError(reply, err);
      }
    };

  http.get(
    '/exports/polls/:pollId/responses.csv',
    handle(async (request, reply, locale, viewer) => {
      const { pollId, rows } = await services.pollExports.responseRows(viewer, request.params.pollId, locale, request.id);
      return sendCsv(reply, `poll-${pollId}-responses.csv`, rows);
    }),
  );

  http.get(
    '/exports/polls/:pollId/results.csv',
    handle(async (request, reply, locale) => {
      const results = await services.pollResults.results(request.params.pollId);
      return sendCsv(reply, `poll-${results.poll.id}-results.csv`, resultRows(results, locale));
    }),
  );
}
