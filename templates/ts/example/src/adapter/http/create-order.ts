import type { FastifyInstance } from 'fastify';
import type { CreateOrder } from '../../app/create-order.js';
import { MAX_LINE_ITEMS } from '../../domain/order.js';
import { type LineItemJson, lineItemSchema, textSchema, toOrderJson } from './order-json.js';

interface CreateOrderBody {
  customer_id: string;
  items: LineItemJson[];
}

const schema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['customer_id', 'items'],
    // maxItems stops the validation of a long array at its limit: the work of a request is bounded
    // by the domain's limit, not by the size of its body.
    properties: { customer_id: textSchema, items: { type: 'array', maxItems: MAX_LINE_ITEMS, items: lineItemSchema } },
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
