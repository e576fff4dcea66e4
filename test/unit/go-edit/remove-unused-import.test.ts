import { beforeAll, describe, expect, it } from 'vitest';
import { removeUnusedImport } from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/bootstrap/ports.go';
const memory = 'example.com/orders/internal/adapter/memory';
const remove = (text: string, path = memory) => removeUnusedImport(parser, { file, text }, { path });
const body = ['', 'func newPorts() app.Ports {', '\treturn app.Ports{Orders: postgres.New()}', '}'];

describe('removeUnusedImport', () => {
  it('removes the row of an unused import inside a block', () => {
    const before = go(
      'package bootstrap',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"example.com/orders/internal/adapter/memory"',
      '\t"example.com/orders/internal/adapter/postgres"',
      '\t"example.com/orders/internal/app"',
      ')',
      ...body,
    );
    const result = remove(before);
    expect(result.changed).toBe(true);
    expect(result.text).toBe(before.replace('\t"example.com/orders/internal/adapter/memory"\n', ''));
    expectGofmtClean(result.text);
  });

  it('keeps an import that is still used, in an expression or a type', () => {
    const used = go('package bootstrap', '', 'import (', `\t"${memory}"`, '\t"example.com/orders/internal/app"', ')', '', 'var _ app.Ports', '', 'func f() *memory.OrderRepository { return nil }');
    expect(remove(used)).toMatchObject({ changed: false, text: used });
    const called = go('package bootstrap', '', `import "${memory}"`, '', 'var repo = memory.NewOrderRepository()');
    expect(remove(called).changed).toBe(false);
  });

  it('removes a group that becomes empty with its blank row', () => {
    const before = go(
      'package bootstrap',
      '',
      'import (',
      '\t"context"',
      '',
      `\t"${memory}"`,
      '',
      '\t"example.com/orders/internal/adapter/postgres"',
      '\t"example.com/orders/internal/app"',
      ')',
      ...body,
    );
    const result = remove(before);
    expect(result.text).toBe(before.replace(`\t"${memory}"\n\n`, ''));
    expectGofmtClean(result.text);
  });

  it('removes the last group of a block with the blank row above it', () => {
    const before = go('package bootstrap', '', 'import (', '\t"context"', '', `\t"${memory}"`, ')', '', 'var _ context.Context');
    const result = remove(before);
    expect(result.text).toBe(go('package bootstrap', '', 'import (', '\t"context"', ')', '', 'var _ context.Context'));
    expectGofmtClean(result.text);
  });

  it('removes a single import declaration', () => {
    const before = go('package bootstrap', '', `import "${memory}"`, '', 'var x = 1');
    const result = remove(before);
    expect(result.text).toBe(go('package bootstrap', '', 'var x = 1'));
    expectGofmtClean(result.text);
  });

  it('is a no-op when the import is not there, or is blank', () => {
    const none = go('package bootstrap', '', 'var x = 1');
    expect(remove(none).changed).toBe(false);
    const blank = go('package bootstrap', '', `import _ "${memory}"`);
    expect(remove(blank).changed).toBe(false);
  });
});
