import path from 'node:path';
import { UsageError } from '../errors.js';
import { DATASTORES, DEFAULTS, DEPLOY_TARGETS, type DeployTarget, type Lang, LANGS, LOGGERS, METRICS, TRACING, TRANSPORTS } from './catalog.js';
import { namesOf } from './naming.js';
import type { Choices, CreateOptions } from './options.js';
import { parseChoice, parseChoiceList } from './parse-choices.js';
import type { ServiceSpec } from './service-spec.js';
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
  if (lang !== 'go') refuseGoOnly(options, lang);
  // A TypeScript service is an npm package named after the service; the Go module path does not apply.
  const module = lang === 'go' ? (options.module ?? `example.com/${name}`) : name;
  if (lang === 'go') validateModulePath(module);
  return { root, name: namesOf(name), module, choices: resolveChoices(options) };
}

/** Choices that exist only for the Go target are refused, not ignored, for any other language. */
function refuseGoOnly(options: CreateOptions, lang: Lang): void {
  const given = [
    options.module !== undefined && `--module (the Go module path; a ${lang} service is an npm package named after the service)`,
    options.logger !== undefined && `--logger (${lang} services always log with pino, Fastify's logger)`,
  ].filter((flag): flag is string => flag !== false);
  if (given.length > 0) {
    throw new UsageError(
      `${given.map((flag) => flag.split(' ')[0]).join(' and ')} ${given.length > 1 ? 'do' : 'does'} not apply to --lang ${lang}: ${given.join('; ')}`,
      `drop ${given.length > 1 ? 'them' : 'it'}, e.g. create-service orders --lang ${lang}`,
    );
  }
}

export function resolveChoices(options: CreateOptions): Choices {
  const lang = parseChoice('lang', options.lang ?? DEFAULTS.lang, LANGS);
  return {
    lang,
    transport: options.transport ? parseChoiceList('transport', options.transport, TRANSPORTS) : DEFAULTS.transport,
    datastore: options.datastore ? parseChoiceList('datastore', options.datastore, DATASTORES) : DEFAULTS.datastore,
    ...(lang === 'go' ? { logger: parseChoice('logger', options.logger ?? DEFAULTS.logger, LOGGERS) } : {}),
    metrics: parseChoice('metrics', options.metrics ?? DEFAULTS.metrics, METRICS),
    tracing: parseChoice('tracing', options.tracing ?? DEFAULTS.tracing, TRACING),
    deploy: withImpliedTargets(
      options.deploy ? parseChoiceList('deploy', options.deploy, DEPLOY_TARGETS, { allowNone: true }) : DEFAULTS.deploy,
    ),
    example: options.example ?? DEFAULTS.example,
  };
}

/** Compose builds the service image from the Dockerfile, so choosing compose brings docker along. */
function withImpliedTargets(deploy: DeployTarget[]): DeployTarget[] {
  if (!deploy.includes('compose') || deploy.includes('docker')) return deploy;
  return DEPLOY_TARGETS.filter((target) => target === 'docker' || deploy.includes(target));
}
