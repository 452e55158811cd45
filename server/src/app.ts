import 'reflect-metadata';
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { type DataSource } from 'typeorm';
import { type Config } from './config';
import { ErrorCode } from './common/errors';
import { clientKeyOf, pinWebClientAddress } from './common/client-address';
import { createDataSource } from './db/data-source';
import { heavyFieldPlugin } from './graphql/heavy-fields';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded';
import { migrate } from './db/migrate';
import { QueryLogger } from './db/query-logger';
import { checkSecretFingerprints } from './db/secret-fingerprints';
import { API_KEY_HEADER, type Context, SESSION_COOKIE } from './graphql/context';
import { errorLoggingPlugin, formatError } from './graphql/error-format';
import { createLoaders } from './graphql/loaders';
import { localeFromHeader } from './common/locale';
import { apiKeyScopePlugin } from './graphql/api-key-scopes';
import { getSchema } from './graphql/schema';
import { loadManifest, TrustedDocuments, trustedDocumentsPlugin } from './graphql/trusted-documents';
import { queryLimits } from './graphql/transport';
import { authenticate, pendingOf, viewerOf } from './graphql/identity';
import { errorBody } from './graphql/http-error';
import { respondentCookie } from './graphql/respondent-cookie';
import { graphqlResponseMediaType } from './graphql/media-type';
import { attachGraphQLWebSocket } from './graphql/websocket';
import { createLogger, type Logger } from './logger';
import { seedDemoData } from './seed/demo-data';
import { createServices, type LiveResultsSettings, type Services } from './services';
import { startJobQueue } from './jobs';
import { type SmsGateway } from './modules/polls/participation/sms';
import { registerExportRoutes } from './modules/exports/export.routes';
import { registerCalendarFeedRoute } from './modules/events/calendar-feed.route';
import { registerMailRoutes } from './modules/mail/mail.routes';
import { registerFileRoutes } from './modules/files/file.routes';
import { registerCollectRoute } from './modules/analytics/collect.route';
import { type Clock } from './common/clock';

export interface App {
  http: Awaited<ReturnType<typeof buildHttp>>['http'];
  db: DataSource;
  services: Services;
  log: Logger;
  /** Counts every SQL statement the app runs (tests use it to prove "no SQL was run"). */
  queries: QueryLogger;
  /** Starts listening; resolves to the base URL (http://host:port). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole server without listening: database, migrations, demo data, GraphQL, HTTP. */
export async function createApp(
  config: Config,
  options: { log?: Logger; live?: LiveResultsSettings; clock?: Clock; sms?: SmsGateway } = {},
): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => log.error({ err }, 'shutdown step failed'));
  };

  try {
    let embedded: EmbeddedPostgres | undefined;
    if (config.database.kind === 'embedded') {
      embedded = await startEmbeddedPostgres(config.database.dataDir);
      cleanups.push(() => embedded!.stop());
      log.info({ dataDir: config.database.dataDir }, 'using the embedded PostgreSQL (PGlite); set DATABASE_URL to use a server');
    }
    const queries = new QueryLogger(log);
    const db = createDataSource({
      url: embedded?.url ?? (config.database as { url: string }).url,
      poolSize: embedded ? 1 : (config.database as { poolSize: number }).poolSize,
      logger: queries,
      statementTimeoutMs: config.statementTimeoutMs,
    });
    await db.initialize();
    cleanups.push(() => db.destroy());
    await migrate(db, config.demoData ? (manager) => seedDemoData(manager, log) : undefined);
    await checkSecretFingerprints(
      db,
      { RESPONDENT_SECRET: config.respondentSecret, SECOND_FACTOR_KEY: config.secondFactor.key },
      config.acceptChangedSecrets,
      log,
    );
    // Analysts' reads may go to a read replica; their figures may then lag the primary by its replication delay.
    const readUrl = config.database.kind === 'url' ? config.database.readUrl : undefined;
    let readDb = db;
    if (readUrl) {
      readDb = createDataSource({
        url: readUrl,
        poolSize: (config.database as { poolSize: number }).poolSize,
        logger: queries,
        applicationName: 'nabz-server-reads',
        statementTimeoutMs: config.statementTimeoutMs,
      });
      await readDb.initialize();
      cleanups.push(() => readDb.destroy());
      log.info('analyst reads go to the read replica (DATABASE_READ_URL)');
    }

    const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) : undefined;
    // QUIT only reaches a connected Redis; otherwise stop reconnecting at once (a shutdown never waits on Redis).
    if (redis)
      cleanups.push(async () =>
        redis.status === 'ready' ? void (await redis.quit().catch(() => redis.disconnect())) : redis.disconnect(),
      );
    const services = createServices(db, config, log, redis, options.live, options.clock, readDb, options.sms);
    cleanups.push(() => services.pollLive.close());
    services.pollTallies.start(config.tallyIntervalMs);
    cleanups.push(() => services.pollTallies.stop());
    services.answerMix.start(config.participation.mixIntervalMs);
    cleanups.push(() => services.answerMix.stop());
    // Started before the HTTP server and so stopped after it: the last seconds of counts are written.
    services.abuseSignals.start(5000);
    cleanups.push(() => services.abuseSignals.stop());
    // Started before the HTTP server and so stopped after it: page views accepted until then are all written.
    await services.analytics.start();
    cleanups.push(() => services.analytics.stop());
    // Likewise: request counts of API keys are written on the way down.
    services.apiKeys.start();
    cleanups.push(() => services.apiKeys.close());
    // Likewise: deliveries in flight finish and are recorded before the database closes.
    await services.webhooks.start();
    cleanups.push(() => services.webhooks.stop());
    // The job queue (graphile-worker: e-mail, the unused-files sweep) needs a PostgreSQL server;
    // jobs in flight finish before the SMTP connections and the database close.
    cleanups.push(() => services.mail.stop());
    const jobs = await startJobQueue(config, services, log);
    if (jobs) cleanups.push(() => jobs.stop());
    const { http } = await buildHttp(config, log, db, services);
    cleanups.push(() => http.close());

    return {
      http,
      db,
      services,
      log,
      queries,
      async listen() {
        await http.listen({ host: config.host, port: config.port });
        const address = http.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
        return `http://${host}:${port}`;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

async function buildHttp(config: Config, log: Logger, db: DataSource, services: Services) {
  const http = Fastify({
    loggerInstance: log,
    // One log line per request, written in onResponse below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  await http.register(fastifyCookie);

  // JSON bodies must be valid UTF-8: Node would otherwise turn bad bytes into U+FFFD silently,
  // and a text answer would be stored changed. Then Fastify's own (prototype-poisoning-safe) parser.
  const parseJson = http.getDefaultJsonParser('error', 'error');
  http.removeContentTypeParser('application/json');
  http.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    // JSON is UTF-8 (RFC 8259); a body declared in another charset would be read as something it is not.
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset))
      return done(
        Object.assign(new Error('JSON bodies must be UTF-8: send charset=utf-8 or no charset.'), {
          statusCode: 415,
          code: 'NABZ_UNSUPPORTED_CHARSET',
        }),
        undefined,
      );
    const bytes = body as Buffer;
    if (!isUtf8(bytes))
      return done(
        Object.assign(new Error('The request body is not valid UTF-8.'), { statusCode: 400, code: 'NABZ_INVALID_UTF8' }),
        undefined,
      );
    parseJson(request, bytes.toString('utf8'), done);
  });

  if (config.webApiSecret) http.addHook('onRequest', pinWebClientAddress(config.webApiSecret, log));
  http.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
  });
  http.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });

  // Requests that fail before GraphQL (malformed JSON, too large, wrong media type) still get a
  // GraphQL-shaped error with a stable code, never Fastify's internals.
  http.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled HTTP error');
    const [code, message] =
      status === 413
        ? ['PAYLOAD_TOO_LARGE', `The request body is larger than ${config.bodyLimitBytes} bytes.`]
        : status === 415
          ? [
              'UNSUPPORTED_MEDIA_TYPE',
              error.code === 'NABZ_UNSUPPORTED_CHARSET' ? error.message : 'Send GraphQL requests as application/json.',
            ]
          : status === 500
            ? [ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error. Quote the requestId when reporting it.']
            : error.code === 'NABZ_INVALID_UTF8'
              ? ['BAD_REQUEST', error.message]
              : [
                  'BAD_REQUEST',
                  error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
                    ? 'The request body is not valid JSON.'
                    : 'The request is malformed.',
                ];
    void reply.code(status).send(errorBody(request.id, code, message));
  });
  http.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(request.id, ErrorCode.NOT_FOUND, 'No such endpoint. The API is at /graphql.'));
  });

  http.get('/healthz', async () => ({ status: 'ok' }));
  registerExportRoutes(http, services);
  registerCalendarFeedRoute(http, services, config.webhooks.siteUrl);
  registerCollectRoute(http, services.analytics);
  await registerMailRoutes(http, services.mail);
  await registerFileRoutes(http, services);
  http.get('/readyz', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000)));
      await Promise.race([db.query('SELECT 1'), timeout]);
      return { status: 'ready' };
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database' });
    } finally {
      clearTimeout(timer);
    }
  });

  const limits = queryLimits(config.limits);
  const trusted = config.trustedDocuments ? new TrustedDocuments(loadManifest()) : undefined;

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" in production validation errors (queryLimits strips the rest).
    hideSchemaDetailsFromClientErrors: !config.limits.suggestions,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: true,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      fastifyApolloDrainPlugin(http),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...limits.apolloPlugins,
      apiKeyScopePlugin(),
      heavyFieldPlugin(),
      ...(trusted ? [trustedDocumentsPlugin(trusted)] : []),
      errorLoggingPlugin(log),
    ],
    logger: log,
  });
  await apollo.start();

  http.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.method === 'OPTIONS') return;
    // A client that accepts no JSON answer is refused before anything runs (Apollo Server would
    // run a mutation first, store it, and then answer 406).
    const mediaType = graphqlResponseMediaType(request.headers.accept);
    if (mediaType === null) {
      const message =
        'The Accept header allows none of application/json and application/graphql-response+json, the media types GraphQL answers in.';
      return reply.code(406).send(errorBody(request.id, 'NOT_ACCEPTABLE', message));
    }
  });

  await http.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: (request, reply) => buildContext(request, reply, config, services),
  });
  attachGraphQLWebSocket(http, { schema: await getSchema(), limits, services, config, log, trusted });
  return { http };
}

async function buildContext(request: FastifyRequest, reply: FastifyReply, config: Config, services: Services): Promise<Context> {
  const apiKeyHeader = request.headers[API_KEY_HEADER];
  const identity = await authenticate(
    {
      authorization: request.headers.authorization,
      apiKey: apiKeyHeader === undefined ? undefined : Array.isArray(apiKeyHeader) ? apiKeyHeader.join(',') : apiKeyHeader,
      sessionCookie: request.cookies[SESSION_COOKIE],
    },
    services,
  );
  const sessionCookie = {
    set(value: string, expiresAt: Date) {
      void reply.setCookie(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        expires: expiresAt,
      });
    },
    clear() {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
  const common = {
    requestId: request.id,
    locale: localeFromHeader(request.headers['accept-language']),
    clientKey: clientKeyOf(request.ip),
    client: { address: request.ip, userAgent: request.headers['user-agent'], acceptLanguage: request.headers['accept-language'] },
    services,
    loaders: createLoaders(services),
    sessionCookie,
    respondentCookie: respondentCookie(request, reply, config.cookieSecure),
  };

  if (identity.kind === 'apiKey') return { ...common, viewer: null, apiKey: identity.apiKey };
  if (identity.kind === 'anonymous' && identity.staleCookie) sessionCookie.clear();
  return { ...common, viewer: viewerOf(identity), pending: pendingOf(identity), apiKey: null };
}
