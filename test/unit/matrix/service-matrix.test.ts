import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as CATALOG from '../../../src/choices/catalog.js';
import { offersValue } from '../../../src/choices/target-support.js';
import { pairsOf, validRows } from '../../matrix/covering-array.js';
import { cliResolve, serviceMatrix, type MatrixCatalog, type MatrixChoices, type Resolve, type ServiceMatrix } from '../../matrix/service-matrix.js';

/** Every pair that some combination the CLI accepts holds, found by brute force over the product. */
function feasiblePairs(matrix: ServiceMatrix): Set<number> {
  return new Set(validRows(matrix.parameters, matrix.isValid).flatMap((row) => pairsOf(row, matrix.covering.pairKey)));
}

function expectEveryPairCovered(matrix: ServiceMatrix): void {
  const pairwise = matrix.projects.filter((project) => project.kind === 'pairwise');
  const covered = new Set(pairwise.flatMap((project) => pairsOf(matrix.rowOf(project.choices), matrix.covering.pairKey)));
  const feasible = feasiblePairs(matrix);
  expect(feasible.size).toBeGreaterThan(0);
  expect([...feasible].filter((pair) => !covered.has(pair))).toEqual([]);
}

const has = (projects: ServiceMatrix['projects'], match: (choices: MatrixChoices) => boolean) => projects.some((project) => match(project.choices));

describe('serviceMatrix from the catalog', () => {
  const matrix = serviceMatrix();

  it('covers every pair of option values the CLI accepts, across both targets', () => {
    expectEveryPairCovered(matrix);
    for (const lang of CATALOG.LANGS) {
      for (const store of CATALOG.DATASTORES) {
        // A store the target does not offer (UNSUPPORTED_CHOICES) has no project of that target.
        expect(has(matrix.projects, (choices) => choices.lang === lang && choices.datastore.includes(store)), `${lang} with ${store}`).toBe(offersValue(lang, 'datastore', store));
      }
    }
    // The SQL store and the cache are two choices: each SQL store (or none) with and without redis.
    for (const sql of ['memory', ...CATALOG.SQL_DATASTORES]) {
      const holds = (choices: MatrixChoices) => (sql === 'memory' ? !choices.datastore.some((store) => CATALOG.SQL_DATASTORES.includes(store)) : choices.datastore.includes(sql));
      expect(has(matrix.projects, (choices) => holds(choices) && choices.datastore.includes('redis')), `${sql} with redis`).toBe(true);
      expect(has(matrix.projects, (choices) => holds(choices) && !choices.datastore.includes('redis')), `${sql} without redis`).toBe(true);
    }
    // Issue 15: each broker with and without postgres.
    for (const broker of CATALOG.MESSAGING) {
      expect(has(matrix.projects, (choices) => choices.messaging === broker && choices.datastore.includes('postgres')), `${broker} with postgres`).toBe(true);
      expect(has(matrix.projects, (choices) => choices.messaging === broker && !choices.datastore.includes('postgres')), `${broker} without postgres`).toBe(true);
    }
    for (const logger of CATALOG.LOGGERS) {
      for (const store of CATALOG.DATASTORES) expect(has(matrix.projects, (choices) => choices.logger === logger && choices.datastore.includes(store))).toBe(true);
    }
    for (const target of CATALOG.DEPLOY_TARGETS) {
      for (const lang of CATALOG.LANGS) {
        expect(has(matrix.projects, (choices) => choices.lang === lang && choices.deploy.includes(target)), `${lang} with ${target}`).toBe(true);
        expect(has(matrix.projects, (choices) => choices.lang === lang && !choices.deploy.includes(target)), `${lang} without ${target}`).toBe(true);
      }
    }
  });

  it('holds only combinations the CLI accepts as asked: no --logger for TypeScript, no compose without docker', () => {
    expect(matrix.projects.filter((project) => project.choices.lang === 'ts' && project.choices.logger !== undefined)).toEqual([]);
    expect(matrix.projects.filter((project) => project.choices.lang === 'go' && project.choices.logger === undefined)).toEqual([]);
    expect(matrix.projects.filter((project) => project.choices.deploy.includes('compose') && !project.choices.deploy.includes('docker'))).toEqual([]);
    for (const project of matrix.projects) {
      const { deploy, ...rest } = project.choices;
      expect(cliResolve({ ...rest, deploy: deploy.length > 0 ? deploy : ['none'] }), project.label).toEqual(project.choices);
    }
    const logger = matrix.parameters.findIndex((parameter) => parameter.name === 'logger');
    const ts = CATALOG.LANGS.indexOf('ts');
    expect(matrix.covering.pairs.has(matrix.covering.pairKey(0, ts, logger, matrix.parameters[logger]!.values.indexOf('zap')))).toBe(false);
  });

  it('adds the minimal and the everything-on service of each target', () => {
    for (const lang of CATALOG.LANGS) {
      const minimal = matrix.projects.find((project) => project.label.startsWith('minimal:') && project.choices.lang === lang);
      expect(minimal?.choices).toMatchObject({ datastore: ['memory'], metrics: 'none', tracing: 'none', deploy: [], example: false });
      const everything = matrix.projects.find((project) => project.label.includes('everything-on:') && project.choices.lang === lang);
      expect(everything?.choices).toMatchObject({ datastore: ['postgres', 'redis'], metrics: 'prometheus', tracing: 'otel', deploy: [...CATALOG.DEPLOY_TARGETS], example: true });
    }
    expect(new Set(matrix.projects.map((project) => JSON.stringify(project.choices))).size, 'no project twice').toBe(matrix.projects.length);
  });

  // Generating the matrix takes tens of seconds on a loaded machine since the catalog has four brokers.
  it('is deterministic, and far smaller than the product', () => {
    expect(serviceMatrix().projects).toEqual(matrix.projects);
    expect(matrix.projects.length).toBeLessThan(validRows(matrix.parameters, matrix.isValid).length / 50);
  }, 180_000);

  it('covers every broker of the catalog on the Go target, and never offers TypeScript one', () => {
    const goBrokers = new Set(matrix.projects.filter((project) => project.choices.lang === 'go').map((project) => project.choices.messaging));
    expect([...goBrokers].sort()).toEqual([...CATALOG.MESSAGING].sort());
    expect(matrix.projects.filter((project) => project.choices.lang === 'ts').every((project) => project.choices.messaging === 'none')).toBe(true);
  });

  it('spells each project as create-service flags', () => {
    const zap = matrix.projects.find((project) => project.choices.logger === 'zap' && project.choices.deploy.length === 0 && !project.choices.example);
    const minimal = matrix.projects.find((project) => project.label.startsWith('minimal:') && project.choices.lang === 'ts');
    expect(minimal?.args).toEqual(['--lang', 'ts', '--transport', 'http', '--datastore', 'memory', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none', '--messaging', 'none', '--no-example']);
    if (zap) expect(zap.args).toEqual(expect.arrayContaining(['--logger', 'zap', '--deploy', 'none', '--no-example']));
  });
});

describe('serviceMatrix with a value added to the catalog', () => {
  // Stand-ins: the CLI validates each dummy value as the real value it stands for.
  const STAND_IN: Record<string, string> = { mongo: 'redis', zerolog: 'zap', nomad: 'k8s' };
  const real = (values: readonly string[] | undefined) => values && [...new Set(values.map((value) => STAND_IN[value] ?? value))].sort();
  const standIn = (options: Partial<MatrixChoices>) => ({
    ...options,
    datastore: real(options.datastore),
    deploy: real(options.deploy),
    ...(options.logger ? { logger: STAND_IN[options.logger] ?? options.logger } : {}),
  });
  const resolve: Resolve = (options) => {
    const resolved = cliResolve(standIn(options)) as MatrixChoices;
    if (options.datastore === undefined) return resolved;
    const asked = { ...options, deploy: options.deploy?.filter((target) => target !== 'none') };
    const sorted = { ...resolved, datastore: [...resolved.datastore].sort(), deploy: [...resolved.deploy].sort() };
    return isDeepStrictEqual(sorted, standIn(asked)) ? asked : resolved;
  };
  const catalog: MatrixCatalog = {
    ...CATALOG,
    DATASTORES: [...CATALOG.DATASTORES, 'mongo'],
    LOGGERS: [...CATALOG.LOGGERS, 'zerolog'],
    DEPLOY_TARGETS: [...CATALOG.DEPLOY_TARGETS, 'nomad'],
    // The catalog's own rule for the real stores (one SQL store), with mongo joining any of them last.
    withDatastore: (current, added) => {
      const real = current.filter((store) => store !== 'mongo') as CATALOG.Datastore[];
      const stores = added === 'mongo' ? real : CATALOG.withDatastore(real, added as CATALOG.Datastore);
      if (added !== 'mongo' && !current.includes('mongo')) return stores;
      const others = stores.filter((store) => store !== 'memory');
      return [...others, 'mongo'];
    },
  };
  const matrix = serviceMatrix(catalog, resolve);

  it('covers every pair of the new values with no change to the generator', () => {
    expectEveryPairCovered(matrix);
    // mongo joins any store, as redis does: a choice of its own, on or off beside each SQL store and each target.
    for (const lang of CATALOG.LANGS) expect(has(matrix.projects, (choices) => choices.lang === lang && choices.datastore.includes('mongo'))).toBe(true);
    for (const lang of CATALOG.LANGS) expect(has(matrix.projects, (choices) => choices.lang === lang && !choices.datastore.includes('mongo'))).toBe(true);
    for (const store of CATALOG.DATASTORES.filter((one) => one !== 'memory')) expect(has(matrix.projects, (choices) => choices.datastore.includes(store) && choices.datastore.includes('mongo')), `${store} with mongo`).toBe(true);
    expect(has(matrix.projects, (choices) => isDeepStrictEqual(choices.datastore, ['mongo'])), 'mongo alone').toBe(true);
    for (const store of catalog.DATASTORES.filter((one) => one !== 'memory')) expect(has(matrix.projects, (choices) => choices.logger === 'zerolog' && choices.datastore.includes(store)), store).toBe(true);
    expect(has(matrix.projects, (choices) => choices.logger === 'zerolog' && !choices.datastore.some((store) => CATALOG.SQL_DATASTORES.includes(store))), 'zerolog without a SQL store').toBe(true);
    for (const lang of CATALOG.LANGS) expect(has(matrix.projects, (choices) => choices.lang === lang && choices.deploy.includes('nomad'))).toBe(true);
    expect(has(matrix.projects, (choices) => choices.lang === 'ts' && choices.logger === 'zerolog')).toBe(false);
    expect(matrix.projects.find((project) => project.label.includes('everything-on: go'))?.choices.datastore).toEqual(['postgres', 'redis', 'mongo']);
    expect(matrix.projects.length).toBeGreaterThan(serviceMatrix().projects.length);
  }, 180_000);
});
