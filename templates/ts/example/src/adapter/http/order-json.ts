import type { Order } from '../../domain/order.js';

/** The wire shape of a line item (snake_case, as in api/openapi.yaml). */
export interface LineItemJson {
  sku: string;
  quantity: number;
  unit_price: number;
}

export interface OrderJson {
  id: string;
  customer_id: string;
  items: LineItemJson[];
  total: number;
  status: string;
  created_at: string;
}

/**
 * JSON schema of text a client sends: no NUL character, which PostgreSQL cannot store, and no lone
 * surrogate (a `\ud800` escape without its pair), which is not Unicode text: UTF-8 has no bytes
 * for it, so every store would keep U+FFFD in its place. Node has already refused invalid UTF-8;
 * the pattern is matched per code point, so a character outside the Basic Multilingual Plane
 * passes. Its length is for the domain to check.
 */
export const textSchema = { type: 'string', pattern: '^[^\\u0000\\ud800-\\udfff]*$' } as const;

/** JSON schema of a line item: types and shape only; the domain checks the rules. */
export const lineItemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sku', 'quantity', 'unit_price'],
  properties: { sku: textSchema, quantity: { type: 'integer' }, unit_price: { type: 'integer' } },
} as const;

export function toOrderJson(order: Order): OrderJson {
  return {
    id: order.id,
    customer_id: order.customerId,
    items: order.items.map((item) => ({ sku: item.sku, quantity: item.quantity, unit_price: item.unitPrice })),
    total: order.total,
    status: order.status,
    created_at: order.createdAt.toISOString(),
  };
}
