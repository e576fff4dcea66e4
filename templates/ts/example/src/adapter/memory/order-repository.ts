import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { Order, OrderId } from '../../domain/order.js';
import type { OrderRepository } from '../../port/order-repository.js';

/** Orders in process memory: the embedded default, lost at restart. Safe for concurrent requests (one event loop). */
export class MemoryOrderRepository implements OrderRepository {
  readonly #orders = new Map<OrderId, Order>();

  save(order: Order, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (this.#orders.has(order.id)) return Promise.reject(new ConflictError(`order ${order.id} already exists`));
    this.#orders.set(order.id, structuredClone(order));
    return Promise.resolve();
  }

  get(id: OrderId, signal: AbortSignal): Promise<Order> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    const order = this.#orders.get(id);
    return order === undefined ? Promise.reject(new NotFoundError(`order ${id}`)) : Promise.resolve(structuredClone(order));
  }
}
