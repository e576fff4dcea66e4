import { MemoryIdempotencyStore } from '../src/adapter/memory/idempotency-store.js';
import type { IdempotencyStore } from '../src/port/idempotency-store.js';

/** The idempotency store of the HTTP tests: the in-memory one, composed here as src/bootstrap does, since adapters do not import each other. */
export function testIdempotencyStore(ttlMs = 60_000): IdempotencyStore {
  return new MemoryIdempotencyStore(ttlMs);
}
