import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, type IdempotencyStore, type StoredResponse } from '../../port/idempotency-store.js';
import { problem, sendProblem } from './problem.js';

const KEY_HEADER = 'idempotency-key';
/** Marks a response stored by an earlier request with the same key, not produced by this one. */
export const REPLAYED_HEADER = 'idempotent-replayed';
const MAX_KEY_LENGTH = 255;
/** 1 to 255 visible ASCII characters: UUIDs, ULIDs and the keys of common client libraries, and nothing that could forge log lines. */
const VALID_KEY = /^[!-~]{1,255}$/;
/** The response headers stored with a response and sent again with its replays. Others, like X-Request-ID, belong to each request. */
const REPLAYED_HEADERS = ['content-type', 'location', 'cache-control', 'x-content-type-options'];

/** The outcome of a request that sent nothing the store could keep: never recorded, its writes undone. */
const NOT_SENT: StoredResponse = { status: 0, headers: {}, body: Buffer.alloc(0) };

/** Hands the response of a running request to the store, and settles once the store has kept it (or not). */
type Recorder = (response: StoredResponse) => Promise<void>;

/**
 * Makes POST requests that carry an Idempotency-Key header safe to retry: the first one runs, and
 * its successful response is stored with its writes; a retry with the same key and body gets that
 * response again, with Idempotent-Replayed: true, and changes nothing. The same key with another
 * path or body is answered 422, a retry while the first request still runs 409 with Retry-After.
 * It wraps the handler of every POST route registered after it, so routes added later are covered
 * without an edit. The response is held back until the store has committed: a client never sees a
 * success whose writes may still be undone. Without a store the header is ignored.
 */
export function registerIdempotency(server: FastifyInstance, store: IdempotencyStore | undefined): void {
  if (store === undefined) return;
  const recording = new WeakMap<FastifyRequest, Recorder>();

  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    const handler = route.handler;
    route.handler = async function idempotent(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const key = request.headers[KEY_HEADER];
      if (request.method !== 'POST' || key === undefined) return handler.call(this, request, reply);
      // Node joins a repeated header with ", ", which no valid key contains.
      if (typeof key !== 'string' || !VALID_KEY.test(key)) {
        return sendProblem(request, reply, problem(400, `The Idempotency-Key header must be one value of 1 to ${String(MAX_KEY_LENGTH)} visible ASCII characters, such as a UUID.`));
      }

      let handled: Promise<unknown> | undefined;
      let started = (): void => undefined;
      const running = new Promise<'running'>((resolve) => {
        started = () => {
          resolve('running');
        };
      });
      const outcome = store.do(key, fingerprint(request), request.deadline, () =>
        new Promise<StoredResponse>((resolve) => {
          recording.set(request, async (response) => {
            resolve(response);
            await outcome;
          });
          // In a reaction of this context, so that a synchronous throw becomes a rejection.
          const done = Promise.resolve().then(() => handler.call(this, request, reply));
          handled = done;
          // A response that is never sent (the connection died first) is not recorded. The store
          // hears of it once the handler is done, not before: until then the handler may still
          // write through the transaction.
          reply.raw.once('close', () => {
            const notSent = () => {
              resolve(NOT_SENT);
            };
            done.then(notSent, notSent);
          });
          started();
        }),
      );
      // Observed here; its failures reach the client through the hook that awaits it.
      outcome.catch(() => undefined);

      let first: 'running' | Awaited<typeof outcome>;
      try {
        first = await Promise.race([running, outcome]);
      } catch (error) {
        if (error instanceof IdempotencyKeyInFlightError) {
          return sendProblem(request, reply.header('retry-after', '1'), problem(409, 'A request with this Idempotency-Key is still in progress; retry later.'));
        }
        if (error instanceof IdempotencyKeyReusedError) {
          return sendProblem(request, reply, problem(422, 'This Idempotency-Key was used with a different request; use a new key for a new request.'));
        }
        throw error;
      }
      if (first === 'running') return handled;
      return reply.code(first.response.status).headers(first.response.headers).header(REPLAYED_HEADER, 'true').send(first.response.body);
    };
  });

  // Runs for every response, errors included; only those of a running idempotent request are held.
  server.addHook('onSend', async (request, reply, payload) => {
    const record = recording.get(request);
    if (record === undefined) return payload;
    recording.delete(request);
    let response: StoredResponse;
    try {
      response = stored(reply, payload);
    } catch (error) {
      await record(NOT_SENT);
      throw error;
    }
    await record(response);
    return payload;
  });
}

/** Identifies a request by its method, target and body, so that a key reused for another request is told apart from a retry. */
function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

/** The response as the store records it: the status, the body and the headers a replay repeats. */
function stored(reply: FastifyReply, payload: unknown): StoredResponse {
  let body: Buffer;
  if (typeof payload === 'string') body = Buffer.from(payload);
  else if (Buffer.isBuffer(payload)) body = payload;
  else if (payload === undefined || payload === null) body = Buffer.alloc(0);
  // A stream cannot be kept: the request fails rather than succeed without its key recorded.
  else throw new Error('an idempotent request answered with a stream, which cannot be stored');
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: reply.statusCode, headers, body };
}
