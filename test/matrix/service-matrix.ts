import { isDeepStrictEqual } from 'node:util';
import { UsageError } from '../../src/errors.js';
import * as CATALOG from '../../src/choices/catalog.js';
import { resolveSpec } from '../../src/choices/resolve-spec.js';
import { coveringArray, type CoveringArray, type Parameter, type Row } from './covering-array.js';

/**
 * The end-to-end matrix, generated from the catalog of choices: a pairwise covering array over
 * every dimension of both targets, plus the minimal and the everything-on service of each target.
 * A combination is in it only when the CLI's own resolution accepts it and resolves it to exactly
 * what was asked (so `--lang ts --logger zap`, refused, and compose without docker, which the CLI
 * completes with docker, never are).
 */
export interface MatrixCatalog {
  LANGS: readonly string[];
  TRANSPORTS: readonly string[];
  DATASTORES: readonly string[];
  LOGGERS: readonly string[];
  METRICS: readonly string[];
  TRACING: readonly string[];
  DEPLOY_TARGETS: readonly string[];
  MESSAGING: readonly string[];
  DEFAULTS: { transport: readonly string[]; datastore: readonly string[]; logger: string; metrics: string; tracing: string; messaging: string };
  /** How datastores combine (memory is implied once another one is there); throws a UsageError for a pair that cannot (two SQL stores). */
  withDatastore(current: readonly string[], added: string): readonly string[];
}

/** The choices of one generated project, as `svc.json` records them. */
export interface MatrixChoices {
  lang: string;
  transport: string[];
  datastore: string[];
  logger?: string;
  metrics: string;
  tracing: string;
  deploy: string[];
  messaging: string;
  example: boolean;
}

/** What the CLI makes of the flags: the resolved choices, or a UsageError. */
export type Resolve = (options: Partial<MatrixChoices>) => object;

export interface MatrixProject {
  label: string;
  kind: 'pairwise' | 'minimal' | 'everything-on';
  choices: MatrixChoices;
  /** create-service flags that ask for exactly these choices. */
  args: string[];
  /** Grown after create with `svc add port` and `svc add adapter http` (the everything-on service of each target). */
  grown: boolean;
}

export interface ServiceMatrix {
  projects: MatrixProject[];
  parameters: Parameter[];
  covering: CoveringArray;
  /** The row of the parameters that a project's choices are, and back. */
  rowOf(choices: MatrixChoices): Row;
  choicesOf(row: Row): MatrixChoices;
  /** The CLI accepts these choices and resolves them to exactly themselves. */
  isValid(row: Row): boolean;
}

export const cliResolve: Resolve = (options) => resolveSpec({ name: 'orders', ...options }, '/').choices;

const UNSET = '(unset)';
const ON = 'on';
const OFF = 'off';
const LIST = '+';

export function serviceMatrix(catalog: MatrixCatalog = CATALOG, resolve: Resolve = cliResolve): ServiceMatrix {
  const deployTargets = [...catalog.DEPLOY_TARGETS];
  const optional = (key: string) => catalog.LANGS.some((lang) => !(key in tryResolve(resolve, { lang })!));
  const one = (values: readonly string[], key: string) => (optional(key) ? [...values, UNSET] : [...values]);
  // A list takes each value alone and all of them together, combined the way the catalog combines them.
  const list = (values: readonly string[], all: readonly string[]) => unique([...values, all.join(LIST)]);
  // Datastores that exclude each other (one SQL store) have several largest combinations: one each (postgres+redis, mysql+redis).
  const stores = largestCombinations(catalog);
  const { defaultStore, exclusive, joining } = datastoreDimensions(catalog);
  const parameters: Parameter[] = [
    { name: 'lang', values: [...catalog.LANGS] },
    { name: 'transport', values: list(catalog.TRANSPORTS, catalog.TRANSPORTS) },
    // The stores that exclude each other are one parameter (the default store standing for none of
    // them); a store that joins any other (the cache) is a parameter of its own, on or off. Each
    // combination of stores is then pairs of independent choices, not one value per combination,
    // which would multiply the matrix by the number of brokers.
    { name: 'datastore', values: [defaultStore, ...exclusive] },
    ...joining.map((store) => ({ name: `datastore:${store}`, values: [ON, OFF] })),
    { name: 'logger', values: one(catalog.LOGGERS, 'logger') },
    { name: 'metrics', values: one(catalog.METRICS, 'metrics') },
    { name: 'tracing', values: one(catalog.TRACING, 'tracing') },
    // Deploy targets are independent add-ons: each one is a parameter of its own, on or off.
    ...deployTargets.map((target) => ({ name: `deploy:${target}`, values: [ON, OFF] })),
    { name: 'messaging', values: [...catalog.MESSAGING] },
    { name: 'example', values: [ON, OFF] },
  ];
  const value = (row: Row, name: string) => {
    const index = parameters.findIndex((parameter) => parameter.name === name);
    return parameters[index]!.values[row[index]!]!;
  };
  const choicesOf = (row: Row): MatrixChoices => {
    const logger = value(row, 'logger');
    return {
      lang: value(row, 'lang'),
      transport: value(row, 'transport').split(LIST),
      datastore: [value(row, 'datastore'), ...joining.filter((store) => value(row, `datastore:${store}`) === ON)].reduce<readonly string[]>(
        (chosen, store) => catalog.withDatastore(chosen, store),
        [],
      ) as string[],
      ...(logger === UNSET ? {} : { logger }),
      metrics: value(row, 'metrics'),
      tracing: value(row, 'tracing'),
      deploy: deployTargets.filter((target) => value(row, `deploy:${target}`) === ON),
      messaging: value(row, 'messaging'),
      example: value(row, 'example') === ON,
    };
  };
  const rowOf = (choices: MatrixChoices): Row =>
    parameters.map((parameter) => {
      const wanted = parameterValue(parameter.name, choices, defaultStore, exclusive);
      const index = parameter.values.indexOf(wanted);
      if (index < 0) throw new Error(`${parameter.name}=${wanted} is not a value of the matrix`);
      return index;
    });
  const isValid = (row: Row) => {
    const choices = choicesOf(row);
    return isDeepStrictEqual(tryResolve(resolve, choices), choices);
  };

  const covering = coveringArray(parameters, isValid);
  const projects: MatrixProject[] = covering.rows.map((row) => project('pairwise', choicesOf(row)));
  for (const lang of catalog.LANGS) {
    const applies = (key: string) => key in tryResolve(resolve, { lang })!;
    const minimal: MatrixChoices = {
      lang,
      transport: [...catalog.DEFAULTS.transport],
      datastore: [...catalog.DEFAULTS.datastore],
      ...(applies('logger') ? { logger: catalog.DEFAULTS.logger } : {}),
      metrics: catalog.METRICS.includes('none') ? 'none' : catalog.DEFAULTS.metrics,
      tracing: catalog.TRACING.includes('none') ? 'none' : catalog.DEFAULTS.tracing,
      deploy: [],
      messaging: catalog.DEFAULTS.messaging,
      example: false,
    };
    const base: MatrixChoices = {
      lang,
      // Every transport the target offers (gRPC is Go's alone).
      transport: catalog.TRANSPORTS.filter((transport) => tryResolve(resolve, { lang, transport: [transport] }) !== undefined),
      datastore: [...(stores[0] ?? [])],
      ...(applies('logger') ? { logger: catalog.DEFAULTS.logger } : {}),
      metrics: catalog.METRICS.find((choice) => choice !== 'none') ?? catalog.DEFAULTS.metrics,
      tracing: catalog.TRACING.find((choice) => choice !== 'none') ?? catalog.DEFAULTS.tracing,
      deploy: deployTargets,
      messaging: catalog.DEFAULTS.messaging,
      example: true,
    };
    // Everything on includes the broker the target offers, if any (TypeScript offers none yet).
    const broker = catalog.MESSAGING.filter((candidate) => candidate !== catalog.DEFAULTS.messaging).find((candidate) => isValid(rowOf({ ...base, messaging: candidate })));
    const everything: MatrixChoices = { ...base, messaging: broker ?? catalog.DEFAULTS.messaging };
    for (const [kind, choices] of [['minimal', minimal], ['everything-on', everything]] as const) {
      if (!isValid(rowOf(choices))) throw new Error(`the ${kind} ${lang} service is not a valid combination: ${JSON.stringify(choices)}`);
      const same = projects.find((candidate) => isDeepStrictEqual(candidate.choices, choices));
      const chosen = same ?? project(kind, choices);
      if (same) same.label = `${kind}: ${same.label}`;
      else projects.push(chosen);
      if (kind === 'everything-on') {
        chosen.grown = true;
        chosen.label = `${chosen.label} + add port + add adapter http`;
      }
    }
  }
  return { projects, parameters, covering, rowOf, choicesOf, isValid };
}

/**
 * The datastore dimensions the catalog's own rule implies: the default store; the stores some other
 * store refuses to join (one SQL store per service), of which a service has at most one; and the
 * stores every other one accepts beside it (the cache), each on or off.
 */
function datastoreDimensions(catalog: MatrixCatalog): { defaultStore: string; exclusive: string[]; joining: string[] } {
  const defaultStore = catalog.DEFAULTS.datastore[0]!;
  const others = catalog.DATASTORES.filter((store) => store !== defaultStore);
  const refused = (store: string) => others.some((other) => other !== store && joined(catalog, catalog.withDatastore([], other), store) === undefined);
  return { defaultStore, exclusive: others.filter(refused), joining: others.filter((store) => !refused(store)) };
}

/**
 * Every largest set of datastores the catalog combines, in catalog order of the store it starts
 * from: each store with every other one that can join it, as the catalog records them.
 */
function largestCombinations(catalog: MatrixCatalog): (readonly string[])[] {
  const combinations = catalog.DATASTORES.map((first) =>
    catalog.DATASTORES.reduce<readonly string[]>((stores, store) => joined(catalog, stores, store) ?? stores, catalog.withDatastore([], first)),
  );
  const largest = combinations.filter((stores) => !combinations.some((other) => other.length > stores.length && stores.every((store) => other.includes(store))));
  return [...new Map(largest.map((stores) => [stores.join(LIST), stores])).values()];
}

function joined(catalog: MatrixCatalog, stores: readonly string[], store: string): readonly string[] | undefined {
  try {
    return catalog.withDatastore(stores, store);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

function parameterValue(name: string, choices: MatrixChoices, defaultStore: string, exclusive: readonly string[]): string {
  if (name.startsWith('deploy:')) return choices.deploy.includes(name.slice('deploy:'.length)) ? ON : OFF;
  if (name.startsWith('datastore:')) return choices.datastore.includes(name.slice('datastore:'.length)) ? ON : OFF;
  if (name === 'datastore') return choices.datastore.find((store) => exclusive.includes(store)) ?? defaultStore;
  if (name === 'example') return choices.example ? ON : OFF;
  const chosen = choices[name as keyof MatrixChoices];
  if (chosen === undefined) return UNSET;
  return Array.isArray(chosen) ? chosen.join(LIST) : String(chosen);
}

function project(kind: MatrixProject['kind'], choices: MatrixChoices): MatrixProject {
  const label = [
    choices.lang,
    `transport=${choices.transport.join(LIST)}`,
    `datastore=${choices.datastore.join(LIST)}`,
    ...(choices.logger ? [`logger=${choices.logger}`] : []),
    `metrics=${choices.metrics}`,
    `tracing=${choices.tracing}`,
    `deploy=${choices.deploy.join(LIST) || 'none'}`,
    `messaging=${choices.messaging}`,
    choices.example ? 'example' : 'no-example',
  ].join(' ');
  return { label: kind === 'pairwise' ? label : `${kind}: ${label}`, kind, choices, args: argsOf(choices), grown: false };
}

export function argsOf(choices: MatrixChoices): string[] {
  return [
    '--lang', choices.lang,
    '--transport', choices.transport.join(','),
    '--datastore', choices.datastore.join(','),
    ...(choices.logger ? ['--logger', choices.logger] : []),
    '--metrics', choices.metrics,
    '--tracing', choices.tracing,
    '--deploy', choices.deploy.length > 0 ? choices.deploy.join(',') : 'none',
    '--messaging', choices.messaging,
    choices.example ? '--example' : '--no-example',
  ];
}

/** The resolved choices, or undefined when the CLI refuses the options. */
function tryResolve(resolve: Resolve, choices: Partial<MatrixChoices>): object | undefined {
  const options = { ...choices, deploy: choices.deploy && (choices.deploy.length > 0 ? choices.deploy : ['none']) };
  try {
    return resolve(options);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
