import { type LineItem, newOrder, type Order } from '../domain/order.js';
import type { OrderRepository } from '../port/order-repository.js';
import type { Clock, IdGenerator } from '../port/system.js';

export interface CreateOrderInput {
  customerId: string;
  items: readonly LineItem[];
}

/** Places an order for a customer. */
export class CreateOrder {
  constructor(
    private readonly orders: OrderRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateOrderInput, signal: AbortSignal): Promise<Order> {
    const order = newOrder(this.ids.newId(), input.customerId, input.items, this.clock.now());
    await this.orders.save(order, signal);
    return order;
  }
}
