import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { POLL_RESULTS_FIELDS } from '@/components/poll-results.fragment';
import { addressGroup, clientAddressHeaders, visitorAddress } from '@/lib/api/client-address';
import { config } from '@/lib/config';
import { graphqlLocale, isLocale } from '@/lib/i18n/locales';
import { isUuid, respondentToken } from '@/lib/respondent';
import { POLL_RESULTS_SUBSCRIPTION } from '../poll.query';

export const dynamic = 'force-dynamic';

/** At most one update every this many ms reaches the browser (the last one always does). */
const MIN_INTERVAL_MS = 2_000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/** Streams end after this long; the browser's EventSource reconnects by itself. */
const MAX_LIFETIME_MS = 10 * 60_000;

const SUBSCRIPTION = `${POLL_RESULTS_SUBSCRIPTION}\n${print(POLL_RESULTS_FIELDS)}`;

/**
 * Streams one visitor address may hold open on this web server at once: each holds a WebSocket to
 * the API, so one client opening hundreds would hold hundreds. Generous, as many people may share
 * an address (a mobile operator's NAT); over it, 429 and the page keeps its last results.
 */
const MAX_STREAMS_PER_ADDRESS = 20;
const openStreams = new Map<string, number>();

/**
 * A poll's live results as server-sent events: the web server subscribes to the API's
 * pollResultsUpdated over graphql-ws (with the visitor's respondent token, for AFTER_RESPONSE
 * polls) and relays each update as `event: results`. The browser needs no WebSocket client and
 * never learns where the API is. `event: end` means nothing more will come.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/polls/[id]/live'>) {
  const { locale, id } = await params;
  if (!isLocale(locale) || !isUuid(id)) return new Response('Not found', { status: 404 });
  const visitor = await visitorAddress();
  const address = visitor && addressGroup(visitor);
  if (address && (openStreams.get(address) ?? 0) >= MAX_STREAMS_PER_ADDRESS)
    return new Response('Too many live results streams from this address.', {
      status: 429,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' },
    });
  const token = await respondentToken();
  const socketImpl = withHeaders(await clientAddressHeaders());
  const encoder = new TextEncoder();
  if (address) openStreams.set(address, (openStreams.get(address) ?? 0) + 1);
  const release = () => {
    if (!address) return;
    const left = (openStreams.get(address) ?? 1) - 1;
    if (left > 0) openStreams.set(address, left);
    else openStreams.delete(address);
  };

  let stop: (end?: boolean) => void = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let pending: unknown = null;
      let lastSent = 0;
      let flushTimer: ReturnType<typeof setTimeout> | null = null;

      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = (data: unknown) => {
        pending = null;
        lastSent = Date.now();
        write(`event: results\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const client = createClient({
        url: config.graphqlWebSocketUrl,
        webSocketImpl: socketImpl,
        connectionParams: token ? { respondentToken: token } : {},
        retryAttempts: 0,
        lazy: true,
      });
      const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
      const lifetime = setTimeout(() => stop(), MAX_LIFETIME_MS);

      let unsubscribe = () => {};
      stop = (end = false) => {
        if (closed) return;
        if (end) write('event: end\ndata: {}\n\n');
        closed = true;
        release();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        if (flushTimer) clearTimeout(flushTimer);
        unsubscribe();
        void client.dispose();
        try {
          controller.close();
        } catch {
          // Already closed by the browser going away.
        }
      };

      write('retry: 5000\n\n');
      unsubscribe = client.subscribe<{ pollResultsUpdated: unknown }>(
        { query: SUBSCRIPTION, variables: { pollId: id, locale: graphqlLocale[locale] } },
        {
          next: (result) => {
            if (!result.data) return stop(true);
            const wait = lastSent + MIN_INTERVAL_MS - Date.now();
            if (wait <= 0) return send(result.data.pollResultsUpdated);
            pending = result.data.pollResultsUpdated;
            flushTimer ??= setTimeout(() => {
              flushTimer = null;
              if (pending) send(pending);
            }, wait);
          },
          // FORBIDDEN or NOT_FOUND: tell the browser not to reconnect. A lost connection to the
          // API closes the stream without "end", so the browser tries again in a while.
          error: (error) => stop(Array.isArray(error)),
          complete: () => stop(true),
        },
      );
      request.signal.addEventListener('abort', () => stop());
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

/**
 * The WebSocket class graphql-ws opens, with `headers` on its handshake: the visitor's signed
 * address, so the API counts its per-address cap on WebSockets by visitor rather than counting
 * every visitor's stream as the website's.
 */
function withHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}
