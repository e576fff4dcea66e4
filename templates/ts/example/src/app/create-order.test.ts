import { beforeEach, describe, expect, it } from 'vitest';
import { FakeOrderRepository, fixedClock, sequentialIds } from '../../test/order-fakes.js';
import { ValidationError } from '../domain/errors.js';
import { CreateOrder } from './create-order.js';

const now = new Date('2026-01-02T03:04:05Z');
const signal = new AbortController().signal;

describe('CreateOrder', () => {
  let orders: FakeOrderRepository;
  let createOrder: CreateOrder;

  beforeEach(() => {
    orders = new FakeOrderRepository();
    createOrder = new CreateOrder(orders, sequentialIds(), fixedClock(now));
  });

  it('places a pending order and saves it', async () => {
    const order = await createOrder.execute({ customerId: 'c-42', items: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }] }, signal);
    expect(order).toMatchObject({ id: 'order-1', customerId: 'c-42', total: 2500, status: 'pending', createdAt: now });
    expect(orders.saved).toEqual([order]);
  });

  it('saves nothing when the input breaks a rule', async () => {
    await expect(createOrder.execute({ customerId: '', items: [] }, signal)).rejects.toBeInstanceOf(ValidationError);
    expect(orders.saved).toEqual([]);
  });

  it('passes a repository failure on', async () => {
    orders.failWith = new Error('disk full');
    await expect(createOrder.execute({ customerId: 'c-42', items: [{ sku: 'A', quantity: 1, unitPrice: 1 }] }, signal)).rejects.toThrow('disk full');
  });
});
