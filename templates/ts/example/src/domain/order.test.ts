import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { newOrder } from './order.js';

const now = new Date('2026-01-02T03:04:05Z');

describe('newOrder', () => {
  it('creates a pending order with its total in minor units', () => {
    const order = newOrder('o-1', 'c-42', [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }, { sku: 'PEN', quantity: 1, unitPrice: 99 }], now);
    expect(order).toMatchObject({ id: 'o-1', customerId: 'c-42', total: 2599, status: 'pending', createdAt: now });
  });

  it('lists every offending field', () => {
    try {
      newOrder('o-1', '', [{ sku: 'A', quantity: 0, unitPrice: -1 }, { sku: 'A', quantity: 1, unitPrice: 1 }], now);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['customer_id', 'items[0].quantity', 'items[0].unit_price', 'items[1].sku']);
    }
  });

  it('refuses an order without items', () => {
    expect(() => newOrder('o-1', 'c-42', [], now)).toThrow(/items must contain at least one item/);
  });
});
