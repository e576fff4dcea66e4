import type { FastifyInstance } from 'fastify';
import type { GetOrder } from '../../app/get-order.js';
import { toOrderJson } from './order-json.js';

/** GET /v1/orders/:id: 200 with the order, 404 when there is none. */
export function registerGetOrder(server: FastifyInstance, getOrder: GetOrder): void {
  server.get<{ Params: { id: string } }>('/v1/orders/:id', async (request) => {
    return toOrderJson(await getOrder.execute(request.params.id, request.deadline));
  });
}
