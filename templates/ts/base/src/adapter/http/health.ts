import type { FastifyInstance } from 'fastify';
import type { Health } from '../../platform/health.js';

/**
 * /healthz: the process serves HTTP. /readyz: every required dependency answers and no shutdown has
 * begun (200, "ok" or "degraded" when an optional one fails), else 503.
 */
export function registerHealthRoutes(server: FastifyInstance, health: Health): void {
  server.get('/healthz', { logLevel: 'silent' }, () => ({ status: 'ok' }));
  server.get('/readyz', { logLevel: 'silent' }, async (request, reply) => {
    const readiness = await health.readiness((name, error) => {
      request.log.warn({ check: name, err: error }, 'readiness check failed');
    });
    return reply.code(readiness.status === 'ok' || readiness.status === 'degraded' ? 200 : 503).send(readiness);
  });
}
