import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { newOrder } from '../../domain/order.js';
import { MemoryOrderRepository } from './order-repository.js';

const signal = new AbortController().signal;
const order = newOrder('o-1', 'c-42', [{ sku: 'A', quantity: 2, unitPrice: 5 }], new Date('2026-01-02T03:04:05Z'));

describe('MemoryOrderRepository', () => {
  it('returns a copy of what it saved', async () => {
    const repository = new MemoryOrderRepository();
    await repository.save(order, signal);
    const got = await repository.get('o-1', signal);
    expect(got).toEqual(order);
    expect(got).not.toBe(order);
  });

  it('refuses a duplicate ID and reports unknown IDs', async () => {
    const repository = new MemoryOrderRepository();
    await repository.save(order, signal);
    await expect(repository.save(order, signal)).rejects.toBeInstanceOf(ConflictError);
    await expect(repository.get('missing', signal)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('honours an aborted signal', async () => {
    await expect(new MemoryOrderRepository().get('o-1', AbortSignal.abort())).rejects.toThrow();
  });
});
