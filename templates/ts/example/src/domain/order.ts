import { type FieldError, ValidationError } from './errors.js';

/** Limits of an order. They keep every total far below Number.MAX_SAFE_INTEGER. */
export const MAX_LINE_ITEMS = 100;
export const MAX_QUANTITY = 10_000;
export const MAX_UNIT_PRICE = 10_000_000_000; // minor units
const MAX_SKU_LENGTH = 64;
const MAX_CUSTOMER_ID_LENGTH = 64;

export type OrderId = string;

export type OrderStatus = 'pending';

/** One product line. Prices are integers in the minor unit of the currency (cents), never floats. */
export interface LineItem {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** A customer's order. Create orders with newOrder, which enforces the rules. */
export interface Order {
  readonly id: OrderId;
  readonly customerId: string;
  readonly items: readonly LineItem[];
  /** Minor units. */
  readonly total: number;
  readonly status: OrderStatus;
  readonly createdAt: Date;
}

/** Validates the input and returns a pending order created at now; a ValidationError lists every offending field. */
export function newOrder(id: OrderId, customerId: string, items: readonly LineItem[], now: Date): Order {
  if (id === '') throw new Error('new order: empty order ID'); // IDs come from the ID generator: a bug, not bad input.
  const errors: FieldError[] = [];
  if (customerId === '') errors.push({ field: 'customer_id', detail: 'is required' });
  else if (Array.from(customerId).length > MAX_CUSTOMER_ID_LENGTH) errors.push({ field: 'customer_id', detail: `must be at most ${MAX_CUSTOMER_ID_LENGTH} characters` });
  if (items.length === 0) errors.push({ field: 'items', detail: 'must contain at least one item' });
  else if (items.length > MAX_LINE_ITEMS) errors.push({ field: 'items', detail: `must contain at most ${MAX_LINE_ITEMS} items` });
  const seen = new Set<string>();
  items.forEach((item, index) => {
    errors.push(...lineItemErrors(`items[${index}]`, item, seen));
  });
  if (errors.length > 0) throw new ValidationError(errors);
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  return { id, customerId, items: items.map((item) => ({ ...item })), total, status: 'pending', createdAt: now };
}

function lineItemErrors(field: string, item: LineItem, seen: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (item.sku === '') errors.push({ field: `${field}.sku`, detail: 'is required' });
  else if (item.sku.length > MAX_SKU_LENGTH) errors.push({ field: `${field}.sku`, detail: `must be at most ${MAX_SKU_LENGTH} characters` });
  else if (seen.has(item.sku)) errors.push({ field: `${field}.sku`, detail: 'appears more than once' });
  seen.add(item.sku);
  if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
    errors.push({ field: `${field}.quantity`, detail: `must be between 1 and ${MAX_QUANTITY}` });
  }
  if (!Number.isInteger(item.unitPrice) || item.unitPrice < 0 || item.unitPrice > MAX_UNIT_PRICE) {
    errors.push({ field: `${field}.unit_price`, detail: `must be between 0 and ${MAX_UNIT_PRICE}` });
  }
  return errors;
}
