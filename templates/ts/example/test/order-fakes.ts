import { NotFoundError } from '../src/domain/errors.js';
import type { Order, OrderId } from '../src/domain/order.js';
import type { OrderRepository } from '../src/port/order-repository.js';
import type { Clock, IdGenerator } from '../src/port/system.js';

/** An OrderRepository that records what it was given and can be told to fail. */
export class FakeOrderRepository implements OrderRepository {
  readonly saved: Order[] = [];
  failWith: Error | undefined;

  save(order: Order): Promise<void> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    this.saved.push(order);
    return Promise.resolve();
  }

  get(id: OrderId): Promise<Order> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    const order = this.saved.find((candidate) => candidate.id === id);
    return order === undefined ? Promise.reject(new NotFoundError(`order ${id}`)) : Promise.resolve(order);
  }
}

export const fixedClock = (at: Date): Clock => ({ now: () => at });

export const sequentialIds = (prefix = 'order-'): IdGenerator => {
  let next = 0;
  return { newId: () => `${prefix}${String((next += 1))}` };
};
