import type { AdapterTarget } from '../../../../choices/adapter-target.js';
import type { goTemplateContext } from '../../context.js';

/** The template context of docs/templates.md, as the feature modules receive it. */
export type GoContext = ReturnType<typeof goTemplateContext>;

export type { AdapterTarget } from '../../../../choices/adapter-target.js';

/** On the create path the target is the sample port when the sample is generated. */
export function createTarget(context: GoContext): AdapterTarget {
  return { port: context.example ? 'OrderRepository' : null };
}

export const CONFIG_FILE = 'internal/platform/config/config.go';
export const CONFIG_TEST_FILE = 'internal/platform/config/config_test.go';
