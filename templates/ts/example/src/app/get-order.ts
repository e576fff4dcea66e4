import type { Order, OrderId } from '../domain/order.js';
import type { OrderRepository } from '../port/order-repository.js';

/** Reads one order. */
export class GetOrder {
  constructor(private readonly orders: OrderRepository) {}

  execute(id: OrderId, signal: AbortSignal): Promise<Order> {
    return this.orders.get(id, signal);
  }
}
