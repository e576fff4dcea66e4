import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem.js';

/** Retry-After of a shed request: long enough for a replica to work off a burst, short enough not to keep a client waiting for nothing. */
export const SHED_RETRY_AFTER_SECONDS = '1';

const SHED_DETAIL = 'The service is at capacity and did not start the request; retry after the delay in Retry-After.';

/** Routes never shed: a busy replica must not be taken out of service, or left unobserved, for being busy. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

export function isProbe(request: FastifyRequest): boolean {
  return PROBES.has(request.routeOptions.url ?? '');
}

/**
 * Admission control: at most `limit` requests are served at once, and the excess is answered at
 * once with 503 and Retry-After, before its body is read or a query is queued. Past the limit,
 * waiting only adds latency to every request (they queue on the database pool) and memory to the
 * process. A limit of 0 admits everything. `onShed` counts the refusals.
 *
 * A hook rather than @fastify/under-pressure: that plugin sheds on event-loop delay, heap and RSS,
 * which rise only once the process is already overloaded; it has no bound on concurrent requests.
 */
export function registerAdmission(server: FastifyInstance, limit: number, onShed: () => void = () => undefined): void {
  if (limit <= 0) return;
  let inFlight = 0;
  server.addHook('onRequest', async (request, reply) => {
    if (isProbe(request)) return;
    if (inFlight >= limit) {
      onShed();
      return sendProblem(request, reply.header('retry-after', SHED_RETRY_AFTER_SECONDS), problem(503, SHED_DETAIL));
    }
    inFlight += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
    };
    // 'close' comes once per response: sent, failed or abandoned by the client; a client that is
    // gone already took it with it.
    reply.raw.once('close', release);
    if (reply.raw.closed) release();
  });
}
