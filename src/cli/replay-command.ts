import type { CreateOptions } from '../choices/options.js';
import type { ServiceSpec } from '../choices/service-spec.js';
import { offers } from '../choices/target-support.js';
import { shellQuote as quote } from '../ui/shell-quote.js';

/** The one-line, non-interactive command that reproduces an interactive run (for CI and docs). */
export function replayCommand(spec: ServiceSpec, options: CreateOptions): string {
  const { choices } = spec;
  const parts = [
    'create-service',
    quote(options.directory ?? spec.name.kebab),
    `--name ${spec.name.kebab}`,
    ...(offers(choices.lang, 'module') ? [`--module ${quote(spec.module)}`] : []),
    `--lang ${choices.lang}`,
    `--transport ${choices.transport.join(',')}`,
    `--datastore ${choices.datastore.join(',')}`,
    ...(choices.logger === undefined ? [] : [`--logger ${choices.logger}`]),
    `--metrics ${choices.metrics}`,
    `--tracing ${choices.tracing}`,
    `--messaging ${choices.messaging ?? 'none'}`,
    `--deploy ${choices.deploy.length > 0 ? choices.deploy.join(',') : 'none'}`,
    choices.example ? '--example' : '--no-example',
  ];
  if (options.git === false) parts.push('--no-git');
  if (options.install === false) parts.push('--no-install');
  if (options.force) parts.push('--force');
  parts.push('--yes');
  return parts.join(' ');
}
