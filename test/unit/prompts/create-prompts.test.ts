import { beforeEach, describe, expect, it, vi } from 'vitest';

const asked: string[] = [];
const checkboxes: { message: string; validate?: (chosen: { value: string }[]) => true | string }[] = [];
vi.mock('@inquirer/prompts', () => {
  const answer = (value: unknown) => async ({ message }: { message: string }) => {
    asked.push(message);
    return value;
  };
  return {
    input: vi.fn(async ({ message, default: fallback }: { message: string; default: string }) => {
      asked.push(message);
      return fallback;
    }),
    // The language question gets Go; every other select gets 'zap' (the logger's non-default).
    select: async ({ message }: { message: string }) => answer(message === 'Language' ? 'go' : 'zap')({ message }),
    checkbox: async (config: { message: string; validate?: (chosen: { value: string }[]) => true | string }) => {
      checkboxes.push(config);
      return answer([])(config);
    },
    confirm: answer(false),
  };
});

const { askMissing } = await import('../../../src/prompts/create-prompts.js');

describe('askMissing', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('asks nothing when every answer came from flags', async () => {
    const given = {
      directory: 'x', lang: 'go', module: 'example.com/x', transport: ['http'], datastore: ['memory'], logger: 'slog',
      metrics: 'none', tracing: 'none', messaging: 'none', deploy: ['none'], example: true,
    };
    expect(await askMissing(given)).toEqual(given);
    expect(asked).toEqual([]);
  });

  it('asks only for what is missing and keeps given answers', async () => {
    const answers = await askMissing({ directory: 'billing', lang: 'go', logger: 'slog', deploy: ['docker'], transport: ['http'], datastore: ['memory'] });
    expect(asked).toEqual(['Go module path', 'Metrics', 'Tracing', 'Messaging (events broker)', 'Include the sample Order domain (CreateOrder, GetOrder)?']);
    expect(answers).toMatchObject({ directory: 'billing', module: 'example.com/billing', logger: 'slog', deploy: ['docker'], example: false });
  });

  it('does not ask a TypeScript service for a broker: none is all it has', async () => {
    const answers = await askMissing({ directory: 'x', lang: 'ts' });
    expect(asked).not.toContain('Messaging (events broker)');
    expect(answers.messaging).toBe('none');
  });

  it('turns an empty deploy selection into none', async () => {
    const answers = await askMissing({ directory: 'x', lang: 'go', module: 'example.com/x' });
    expect(answers.deploy).toEqual(['none']);
    expect(answers.logger).toBe('zap');
  });

  it('asks for the language first when it was not given', async () => {
    await askMissing({ directory: 'x', module: 'example.com/x' });
    expect(asked[0]).toBe('Language');
  });

  it('offers mysql beside the other datastores and refuses two SQL stores while choosing', async () => {
    checkboxes.length = 0;
    await askMissing({ directory: 'x', lang: 'go', module: 'example.com/x' });
    const datastores = checkboxes.find((config) => config.message === 'Datastores');
    expect((datastores as unknown as { choices: { value: string; name: string }[] }).choices).toContainEqual({ value: 'mysql', name: 'MySQL / MariaDB (connection pool, embedded migrations)', checked: false });
    expect(datastores?.validate?.([{ value: 'mysql' }, { value: 'redis' }])).toBe(true);
    expect(datastores?.validate?.([{ value: 'postgres' }, { value: 'mysql' }])).toContain('postgres and mysql cannot both be the datastore of one service');
  });

  it('offers sqlite to both targets', async () => {
    const offered = async (lang: string) => {
      checkboxes.length = 0;
      await askMissing({ directory: 'x', lang, module: lang === 'go' ? 'example.com/x' : undefined });
      const datastores = checkboxes.find((config) => config.message === 'Datastores') as unknown as { choices: { value: string }[] };
      return datastores.choices.map((choice) => choice.value);
    };
    expect(await offered('go')).toContain('sqlite');
    const ts = await offered('ts');
    expect(ts).toContain('sqlite');
    expect(ts).toContain('postgres');
  });
});
