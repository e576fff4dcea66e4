import type { FastifyInstance } from 'fastify';
import type { GetOrder } from '../../app/get-order.js';
import { toOrderJson } from './order-json.js';

/** Order IDs are 1 to 64 letters, digits, '-' and '_': any other is refused (400) before the store is asked. */
const schema = {
  params: { type: 'object', properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } } },
} as const;

/** GET /v1/orders/:id: 200 with the order, 404 when there is none. */
export function registerGetOrder(server: FastifyInstance, getOrder: GetOrder): void {
  server.get<{ Params: { id: string } }>('/v1/orders/:id', { schema }, async (request) => {
    return toOrderJson(await getOrder.execute(request.params.id, request.deadline));
  });
}
