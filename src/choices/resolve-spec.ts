import path from 'node:path';
import { UsageError } from '../errors.js';
import { DATASTORES, DEFAULTS, recordedDatastores, DEPLOY_TARGETS, type DeployTarget, LANGS, LOGGERS, MESSAGING, METRICS, TRACING, TRANSPORTS } from './catalog.js';
import { namesOf } from './naming.js';
import type { Choices, CreateOptions } from './options.js';
import { parseChoice, parseChoiceList } from './parse-choices.js';
import type { ServiceSpec } from './service-spec.js';
import { offers, refuseUnsupported } from './target-support.js';
import { validateModulePath } from './validate-module.js';
import { validateServiceName } from './validate-name.js';

/** Turns answers into a ServiceSpec; missing answers take the catalog defaults. Throws UsageError. */
export function resolveSpec(options: CreateOptions, cwd: string): ServiceSpec {
  const directory = options.directory ?? options.name;
  if (directory === undefined || directory.trim() === '') {
    throw new UsageError('missing the target directory', 'e.g. create-service orders (or --name orders)');
  }
  const root = path.resolve(cwd, directory);
  const name = options.name ?? path.basename(root);
  validateServiceName(name);
  const lang = parseChoice('lang', options.lang ?? DEFAULTS.lang, LANGS);
  refuseUnsupported(options, lang);
  // A target without module paths (TypeScript: an npm package) names its package after the service.
  const module = offers(lang, 'module') ? (options.module ?? `example.com/${name}`) : name;
  if (offers(lang, 'module')) validateModulePath(module);
  return { root, name: namesOf(name), module, choices: resolveChoices(options) };
}

export function resolveChoices(options: CreateOptions): Choices {
  const lang = parseChoice('lang', options.lang ?? DEFAULTS.lang, LANGS);
  return {
    lang,
    transport: options.transport ? parseChoiceList('transport', options.transport, TRANSPORTS) : DEFAULTS.transport,
    // One rule for flags, prompts and `svc add adapter`: memory is recorded only when it is the store in use.
    datastore: options.datastore ? recordedDatastores(parseChoiceList('datastore', options.datastore, DATASTORES)) : DEFAULTS.datastore,
    ...(offers(lang, 'logger') ? { logger: parseChoice('logger', options.logger ?? DEFAULTS.logger, LOGGERS) } : {}),
    metrics: parseChoice('metrics', options.metrics ?? DEFAULTS.metrics, METRICS),
    tracing: parseChoice('tracing', options.tracing ?? DEFAULTS.tracing, TRACING),
    deploy: withImpliedTargets(
      options.deploy ? parseChoiceList('deploy', options.deploy, DEPLOY_TARGETS, { allowNone: true }) : DEFAULTS.deploy,
    ),
    messaging: parseChoice('messaging', options.messaging ?? DEFAULTS.messaging, MESSAGING),
    example: options.example ?? DEFAULTS.example,
  };
}

/** Compose builds the service image from the Dockerfile, so choosing compose brings docker along. */
function withImpliedTargets(deploy: DeployTarget[]): DeployTarget[] {
  if (!deploy.includes('compose') || deploy.includes('docker')) return deploy;
  return DEPLOY_TARGETS.filter((target) => target === 'docker' || deploy.includes(target));
}
