import type { Order, OrderId } from '../domain/order.js';

/** Where orders are kept. The implementations live in src/adapter/. */
export interface OrderRepository {
  /** Stores a new order; a ConflictError when its ID is taken. */
  save(order: Order, signal: AbortSignal): Promise<void>;
  /** The order with this ID; a NotFoundError when there is none. */
  get(id: OrderId, signal: AbortSignal): Promise<Order>;
}
