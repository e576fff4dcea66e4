import type { FastifyInstance } from 'fastify';
import type { CreateOrder } from '../../app/create-order.js';
import { type LineItemJson, lineItemSchema, toOrderJson } from './order-json.js';

interface CreateOrderBody {
  customer_id: string;
  items: LineItemJson[];
}

const schema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['customer_id', 'items'],
    properties: { customer_id: { type: 'string' }, items: { type: 'array', items: lineItemSchema } },
  },
} as const;

/** POST /v1/orders: 201 with the order and its Location. */
export function registerCreateOrder(server: FastifyInstance, createOrder: CreateOrder): void {
  server.post<{ Body: CreateOrderBody }>('/v1/orders', { schema }, async (request, reply) => {
    const { customer_id: customerId, items } = request.body;
    const order = await createOrder.execute(
      { customerId, items: items.map((item) => ({ sku: item.sku, quantity: item.quantity, unitPrice: item.unit_price })) },
      request.deadline,
    );
    return reply.code(201).header('location', `/v1/orders/${encodeURIComponent(order.id)}`).send(toOrderJson(order));
  });
}
