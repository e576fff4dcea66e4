import type { AdapterTarget } from '../../../../choices/adapter-target.js';
import type { tsTemplateContext } from '../../context.js';

/** The template context of the TypeScript target, as the feature modules receive it. */
export type TsContext = ReturnType<typeof tsTemplateContext>;

export type { AdapterTarget } from '../../../../choices/adapter-target.js';

/** On the create path the target is the sample port when the sample is generated. */
export function createTarget(context: TsContext): AdapterTarget {
  return { port: context.example ? 'OrderRepository' : null };
}

/** The templates of an adapter see `example` true only when it serves the sample port. */
export function adapterContext(context: TsContext, target: AdapterTarget): TsContext {
  return { ...context, example: target.port !== null };
}

export const CONFIG_FILE = 'src/platform/config.ts';
export const CONFIG_TEST_FILE = 'src/platform/config.test.ts';
export const PORTS_FILE = 'src/bootstrap/ports.ts';
export const TEST_ENV_FILE = 'test/environment.ts';
export const MEMORY_ORDERS = 'new MemoryOrderRepository()';
