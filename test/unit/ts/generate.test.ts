import { describe, expect, it } from 'vitest';
import type { Choices } from '../../../src/choices/options.js';
import { namesOf } from '../../../src/choices/naming.js';
import type { ServiceSpec } from '../../../src/choices/service-spec.js';
import { tsTemplateContext } from '../../../src/targets/ts/context.js';
import { generateTsService } from '../../../src/targets/ts/generate.js';
import { NPM_PACKAGES } from '../../../src/targets/ts/npm-packages.js';
import { Tree } from '../../../src/tree/tree.js';

function spec(choices: Partial<Choices> = {}): ServiceSpec {
  return {
    root: '/nowhere/orders',
    name: namesOf('orders'),
    module: 'orders',
    choices: {
      lang: 'ts',
      transport: ['http'],
      datastore: ['memory'],
      metrics: 'prometheus',
      tracing: 'otel',
      deploy: ['docker', 'compose', 'k8s', 'github-actions'],
      example: true,
      ...choices,
    },
  };
}

async function generate(choices: Partial<Choices> = {}): Promise<Map<string, string>> {
  const tree = new Tree('/nowhere/orders');
  await generateTsService(tree, spec(choices));
  return new Map(tree.written().map((file) => [file, tree.read(file) ?? '']));
}

const MINIMAL: Partial<Choices> = { metrics: 'none', tracing: 'none', deploy: [], example: false };

/** Every combination of the choices a TypeScript service is created with. */
const COMBINATIONS: Partial<Choices>[] = [];
for (const example of [true, false])
  for (const metrics of ['prometheus', 'none'] as const)
    for (const tracing of ['otel', 'none'] as const)
      for (const datastore of [['memory'], ['postgres'], ['redis'], ['postgres', 'redis']] as Choices['datastore'][])
        for (const deploy of [[], ['docker', 'compose', 'k8s', 'github-actions']] as Choices['deploy'][])
          COMBINATIONS.push({ example, metrics, tracing, datastore, deploy });

describe('generateTsService', () => {
  it('writes the hexagonal layout, with dotfiles under their real names', async () => {
    const files = await generate();
    for (const file of [
      'package.json',
      'tsconfig.json',
      'eslint.config.js',
      '.gitignore',
      '.env.example',
      '.dockerignore',
      '.github/workflows/ci.yml',
      'Dockerfile',
      'compose.yaml',
      'deploy/k8s/deployment.yaml',
      'api/openapi.yaml',
      'src/main.ts',
      'src/domain/order.ts',
      'src/port/order-repository.ts',
      'src/app/app.ts',
      'src/app/create-order.ts',
      'src/adapter/http/routes.ts',
      'src/adapter/http/create-order.ts',
      'src/adapter/memory/order-repository.ts',
      'src/platform/config.ts',
      'src/platform/metrics.ts',
      'src/platform/tracing.ts',
      'src/bootstrap/service.ts',
    ]) {
      expect(files.has(file), file).toBe(true);
    }
    expect([...files.keys()].filter((file) => file.includes('dot-') || file.endsWith('.hbs'))).toEqual([]);
  });

  it('leaves out what the minimal choices do not need', async () => {
    const files = await generate(MINIMAL);
    for (const file of ['src/platform/metrics.ts', 'src/platform/tracing.ts', 'Dockerfile', 'compose.yaml', 'src/domain/order.ts', 'src/adapter/postgres/pool.ts', 'test/integration.ts']) {
      expect(files.has(file), file).toBe(false);
    }
    const manifest = JSON.parse(files.get('package.json') ?? '') as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toEqual(['@streamparser/json', 'fastify', 'opossum', 'pino', 'zod']);
  });

  it('pins the packages of every chosen feature, sorted', async () => {
    const files = await generate({ datastore: ['postgres', 'redis'] });
    const manifest = JSON.parse(files.get('package.json') ?? '') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const names = Object.keys(manifest.dependencies);
    expect(names).toEqual([...names].sort());
    expect(manifest.dependencies).toMatchObject({ pg: NPM_PACKAGES.postgres.dependencies.pg, ioredis: NPM_PACKAGES.redis.dependencies.ioredis, 'prom-client': '15.1.3' });
    expect(manifest.devDependencies).toMatchObject({ '@types/pg': NPM_PACKAGES.postgres.devDependencies['@types/pg'], vitest: NPM_PACKAGES.base.devDependencies.vitest });
    for (const version of [...Object.values(manifest.dependencies), ...Object.values(manifest.devDependencies)]) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(files.has('src/adapter/postgres/order-repository.ts')).toBe(true);
    expect(files.has('src/adapter/redis/order-cache.ts')).toBe(true);
    expect(files.get('src/bootstrap/ports.ts')).toContain('orders: new CachedOrderRepository(new PostgresOrderRepository(pool), redis, deps.logger),');
    expect(files.get('src/bootstrap/ports.ts')).not.toContain('MemoryOrderRepository');
  });

  it.each(COMBINATIONS.map((choices) => [JSON.stringify(choices), choices] as const))('renders %s cleanly and deterministically', async (_label, choices) => {
    const first = await generate(choices);
    expect(await generate(choices)).toEqual(first);
    for (const [file, content] of first) {
      expect(content.endsWith('\n'), `${file} ends with a newline`).toBe(true);
      expect(content, `${file} has no blank-line runs`).not.toMatch(/\n\n\n/);
      expect(content, `${file} has no trailing whitespace`).not.toMatch(/[ \t]+\n/);
      if (file.endsWith('.json')) expect(() => JSON.parse(content) as unknown, file).not.toThrow();
    }
  });

  it('derives the template context from the choices', () => {
    const context = tsTemplateContext(spec({ datastore: ['redis'], tracing: 'none' }));
    expect(context.dependencies.map((row) => row.name)).not.toContain('@opentelemetry/api');
    // Datastore packages come from the datastore feature's package.json edit, not from the context.
    expect(context.dependencies.map((row) => row.name)).not.toContain('ioredis');
    expect(context.dependencies.map((row) => row.name)).toContain('fastify');
  });
});
