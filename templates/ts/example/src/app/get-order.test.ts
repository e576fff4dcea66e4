import { describe, expect, it } from 'vitest';
import { FakeOrderRepository } from '../../test/order-fakes.js';
import { NotFoundError } from '../domain/errors.js';
import { newOrder } from '../domain/order.js';
import { GetOrder } from './get-order.js';

const signal = new AbortController().signal;

describe('GetOrder', () => {
  it('returns the stored order', async () => {
    const orders = new FakeOrderRepository();
    const order = newOrder('o-1', 'c-42', [{ sku: 'A', quantity: 1, unitPrice: 5 }], new Date(0));
    await orders.save(order);
    expect(await new GetOrder(orders).execute('o-1', signal)).toBe(order);
  });

  it('reports an unknown order as not found', async () => {
    await expect(new GetOrder(new FakeOrderRepository()).execute('nope', signal)).rejects.toBeInstanceOf(NotFoundError);
  });
});
