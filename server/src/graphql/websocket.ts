import { createHash, randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Duplex } from 'node:stream';
import { unwrapResolverError } from '@apollo/server/errors';
import { type FastifyInstance } from 'fastify';
import {
  type DocumentNode,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { AppError, ErrorCode } from '../common/errors';
import { clientAddressOf, clientKeyOf } from '../common/client-address';
import { type Config } from '../config';
import { type Logger } from '../logger';
import { type Services } from '../services';
import { API_KEY_HEADER, type Context, RESPONDENT_COOKIE, SESSION_COOKIE } from './context';
import { checkApiKeyScopes } from './api-key-scopes';
import { formatError } from './error-format';
import { createLoaders } from './loaders';
import { localeFromHeader } from '../common/locale';
import { bearerToken, type queryLimits } from './transport';
import { authenticate, viewerOf } from './identity';
import { type TrustedDocuments, untrustedDocument } from './trusted-documents';

/** Subscriptions one connection may hold at once; a client following more opens another connection. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** A client must send `connection_init` this soon after connecting, or it is closed with 4408. */
export const CONNECTION_INIT_TIMEOUT_MS = 3000;
/** On shutdown, clients that have not finished the closing handshake by then are cut off. */
const SHUTDOWN_GRACE_MS = 2000;
const MAX_PARAM_LENGTH = 256;

/** What a connection proved at `connection_init`: kept for its subscriptions. */
interface Connection {
  id: string;
  openedAt: number;
  /** A bearer token from connectionParams or the Authorization header (it must stay valid). */
  bearer?: string;
  /** The session cookie (when it has expired, the caller is anonymous, as over HTTP). */
  cookieToken?: string;
  /** A partner's API key from connectionParams or the X-Api-Key header (checked again at each subscription). */
  apiKey?: string;
  respondentToken?: string;
  locale: Context['locale'];
  clientKey: string;
}

// A type, not an interface: graphql-ws wants it assignable to Record<PropertyKey, unknown>.
type Extra = {
  socket: WebSocket;
  request: IncomingMessage;
  connection?: Connection;
};

type SocketContext = WsContext<Record<string, unknown>, Extra>;

export interface GraphQLWebSocketOptions {
  schema: GraphQLSchema;
  limits: ReturnType<typeof queryLimits>;
  /** When set, anonymous connections may subscribe only with the website's own documents. */
  trusted?: TrustedDocuments;
  services: Services;
  config: Config;
  log: Logger;
}

/**
 * Serves GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol of `graphql-ws`)
 * on the HTTP server's `/graphql` path. Operations pass the same parse and validation limits and
 * the same error masking as over HTTP. Queries and mutations are refused here: they go over HTTP,
 * where CSRF prevention, cookies and request logging apply.
 */
export function attachGraphQLWebSocket(http: Http, options: GraphQLWebSocketOptions): void {
  const { schema, limits, services, config, log } = options;
  const rules: ValidationRule[] = [...specifiedRules, ...limits.validationRules];
  // Compiled once: every connection's address is derived as the app pins request.ip.
  const addressOf = clientAddressOf(config.trustProxy, config.webApiSecret);
  const allowedOrigins = new Set(config.websocketOrigins);
  const connections = new ConnectionsPerClient(config.websocketConnectionsPerAddress);
  let lastCapLog = 0;
  const wss = new WebSocketServer({
    server: http.server,
    path: '/graphql',
    maxPayload: config.bodyLimitBytes,
    // A browser always sends Origin: only the site's own pages may open a socket (that would carry
    // the visitor's cookies) from one. Clients without Origin (the website's server, partner apps)
    // are not browsers, so no other site can make them connect; their credentials are their own.
    verifyClient: (
      { origin, req }: { origin?: string; req: IncomingMessage },
      accept: (ok: boolean, status?: number, message?: string, headers?: Record<string, string>) => void,
    ) => {
      if (origin && !allowedOrigins.has(origin)) {
        log.info({ origin }, 'websocket refused: origin not allowed');
        return accept(false, 403, 'Origin not allowed');
      }
      // Counted by the address every per-client limit uses: the website's server connects with its
      // visitor's signed address (X-Nabz-Client), so each visitor counts, not the website.
      if (!connections.open(clientKeyOf(addressOf(req)), req.socket)) {
        // Once a minute at most: a client trying again and again must not fill the log.
        if (Date.now() - lastCapLog > 60_000) {
          lastCapLog = Date.now();
          log.warn(
            { max: config.websocketConnectionsPerAddress },
            'websocket refused (429): an address holds as many connections as it may',
          );
        }
        return accept(false, 429, 'Too many WebSocket connections from this address', { 'Retry-After': '60' });
      }
      accept(true);
    },
  });

  const server = useServer<Record<string, unknown>, Extra>(
    {
      // Close reasons never carry internal error messages, whatever NODE_ENV says.
      isProd: true,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        try {
          const refused = await admitConnection(ctx, http, services, config, addressOf);
          if (!refused) return true;
          ctx.extra.socket.close(CloseCode.Forbidden, refused);
        } catch (err) {
          log.error({ err }, "unexpected error checking a WebSocket connection's credentials");
          ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
        }
        return false;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const requestId = randomUUID();
        try {
          if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
            return [
              new AppError(
                'BAD_REQUEST',
                `A connection may hold at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions; complete one first.`,
              ),
            ];
          }
          let document: DocumentNode;
          try {
            document = parse(payload.query, limits.parseOptions);
          } catch (err) {
            return [requestError(err as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
          }
          const invalid = validate(schema, document, rules);
          if (invalid.length) return invalid.map((e) => requestError(e, 'GRAPHQL_VALIDATION_FAILED'));
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [new AppError('BAD_REQUEST', 'Name the operation to run (operationName) when the document has several.')];
          if (operation.operation !== 'subscription') {
            return [
              new AppError(
                'BAD_REQUEST',
                'Only subscriptions are served over the WebSocket; send queries and mutations to /graphql over HTTP.',
              ),
            ];
          }
          const contextValue = await socketContext(ctx.extra.connection!, requestId, services);
          // As over HTTP: staff and partners with a key may send their own documents, within the key's scopes.
          if (contextValue.apiKey) checkApiKeyScopes(contextValue.apiKey, schema, document, operation);
          else if (
            options.trusted &&
            !contextValue.viewer &&
            !options.trusted.allows(createHash('sha256').update(payload.query).digest('hex'), document)
          ) {
            return [untrustedDocument()];
          }
          log.debug({ requestId, connectionId: ctx.extra.connection!.id, operationName: payload.operationName }, 'subscription started');
          return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        } catch (err) {
          if (err instanceof AppError) return [err];
          log.error({ err, requestId }, 'unexpected error starting a subscription');
          return [maskedError(requestId)];
        }
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const { requestId } = args.contextValue as Context;
        // An error without a path comes from the request itself (a variable of the wrong type), as Apollo codes it.
        const coded = result.errors.map((e) => (!e.path && !e.extensions?.code ? requestError(e, ErrorCode.BAD_USER_INPUT) : e));
        return { ...result, errors: coded.map((e) => present(e, requestId, log, limits.clientMessage)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => present(e, randomUUID(), log, limits.clientMessage)),
      onClose: (ctx, code) => {
        const connection = ctx.extra.connection;
        if (connection) log.info({ connectionId: connection.id, code, ms: Date.now() - connection.openedAt }, 'websocket closed');
      },
    },
    wss,
  );

  // Before Fastify closes the HTTP server: an open WebSocket would keep it from closing.
  http.addHook('preClose', async () => {
    const timer = setTimeout(() => wss.clients.forEach((client) => client.terminate()), SHUTDOWN_GRACE_MS);
    try {
      await server.dispose();
    } finally {
      clearTimeout(timer);
    }
  });
}

/**
 * Open WebSockets per client key (the hash of an address group, as every per-client limit counts):
 * without a cap one address could hold hundreds of sockets, each with its subscriptions. A
 * connection counts from its handshake until its TCP socket closes, however it ends (refused by
 * graphql-ws, closed by either side, or cut off mid-handshake). Per instance, as the sockets are.
 */
class ConnectionsPerClient {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a connection of `key` until `socket` closes; false (nothing counted) when `key` holds `max` already. */
  open(key: string, socket: Duplex): boolean {
    const held = this.counts.get(key) ?? 0;
    if (held >= this.max) return false;
    // A socket gone already would never report its close: nothing to count.
    if (socket.destroyed) return true;
    this.counts.set(key, held + 1);
    socket.once('close', () => {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    });
    return true;
  }
}

/** The app's Fastify instance (its logger is pino's). */
type Http = FastifyInstance<Server, IncomingMessage, ServerResponse, Logger>;

/** Checks the credentials a connection presents; returns why it is refused, or null. */
async function admitConnection(
  ctx: SocketContext,
  http: Http,
  services: Services,
  config: Config,
  addressOf: (request: IncomingMessage) => string,
): Promise<string | null> {
  const { request } = ctx.extra;
  const params = ctx.connectionParams ?? {};
  const { authorization, respondentToken, apiKey } = params;
  if (authorization !== undefined && (typeof authorization !== 'string' || authorization.length > MAX_PARAM_LENGTH))
    return 'connectionParams.authorization must be a string.';
  if (respondentToken !== undefined && (typeof respondentToken !== 'string' || respondentToken.length > MAX_PARAM_LENGTH))
    return 'connectionParams.respondentToken must be a string.';
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.length > MAX_PARAM_LENGTH))
    return 'connectionParams.apiKey must be a string.';

  const presented = (authorization as string | undefined) ?? request.headers.authorization;
  const headerKey = request.headers[API_KEY_HEADER];
  const presentedKey = (apiKey as string | undefined) ?? (Array.isArray(headerKey) ? headerKey.join(',') : headerKey);
  const cookies = http.parseCookie(request.headers.cookie ?? '');
  try {
    await authenticate({ authorization: presented, apiKey: presentedKey, sessionCookie: cookies[SESSION_COOKIE] }, services);
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
  const bearer = bearerToken(presented);

  const address = addressOf(request);
  ctx.extra.connection = {
    id: randomUUID(),
    openedAt: Date.now(),
    bearer,
    cookieToken: cookies[SESSION_COOKIE],
    apiKey: presentedKey,
    respondentToken: (respondentToken as string | undefined) ?? cookies[RESPONDENT_COOKIE],
    locale: localeFromHeader(request.headers['accept-language']),
    clientKey: clientKeyOf(address),
  };
  return null;
}

/** A request context for one subscription, as buildContext makes one for an HTTP request. */
async function socketContext(connection: Connection, requestId: string, services: Services): Promise<Context> {
  const identity = await authenticate(
    {
      authorization: connection.bearer ? `Bearer ${connection.bearer}` : undefined,
      apiKey: connection.apiKey,
      sessionCookie: connection.cookieToken,
    },
    services,
  );
  const viewer = viewerOf(identity);
  const token = identity.kind === 'staff' ? identity.token : undefined;
  return {
    requestId,
    locale: connection.locale,
    viewer,
    currentViewer: token ? () => services.auth.viewerForToken(token) : undefined,
    apiKey: identity.kind === 'apiKey' ? identity.apiKey : null,
    clientKey: connection.clientKey,
    services,
    loaders: createLoaders(services),
    // A WebSocket cannot set cookies: the web keeps them from its HTTP requests.
    sessionCookie: { set: () => undefined, clear: () => undefined },
    respondentCookie: { token: connection.respondentToken, set: () => undefined },
  };
}

/** A parse or validation error, coded as Apollo Server codes it over HTTP. */
function requestError(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

function maskedError(requestId: string): GraphQLError {
  return new GraphQLError('Unexpected error. Quote the requestId when reporting it.', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  });
}

/** formatError, as over HTTP; an unexpected error is logged in full and answered with its request id. */
function present(error: GraphQLError, requestId: string, log: Logger, clientMessage: (message: string) => string): GraphQLFormattedError {
  if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && error.extensions.requestId) return error.toJSON(); // masked and logged already
  const formatted = formatError(error.toJSON(), error);
  if (formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...formatted, message: clientMessage(formatted.message) };
  log.error({ err: unwrapResolverError(error), path: error.path, requestId }, 'unexpected error');
  return { ...formatted, extensions: { ...formatted.extensions, requestId } };
}
