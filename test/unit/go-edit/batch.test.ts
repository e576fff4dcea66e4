import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, applyGoEdits } from '../../../src/targets/go/edit/index.js';
import type { GoEdit, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/app/app.go';
const appGo = go(
  'package app',
  '',
  'import (',
  '\t"example.com/orders/internal/port"',
  ')',
  '',
  '// Ports are the outbound dependencies.',
  'type Ports struct {',
  '\tOrders port.OrderRepository',
  '}',
  '',
  '// App holds the use cases.',
  'type App struct {',
  '\tGetOrder *GetOrder',
  '}',
  '',
  '// New wires the use cases.',
  'func New(p Ports) *App {',
  '\treturn &App{',
  '\t\tGetOrder: NewGetOrder(p.Orders),',
  '\t}',
  '}',
);

const addUseCase: GoEdit[] = [
  { kind: 'struct-field', struct: 'App', field: 'CreateOrder *CreateOrder' },
  { kind: 'keyed-element', func: 'New', type: 'App', key: 'CreateOrder', value: 'NewCreateOrder(p.Orders, p.Clock)' },
  { kind: 'struct-field', struct: 'Ports', field: 'Clock port.Clock' },
  { kind: 'import', path: 'example.com/orders/internal/port' },
];

describe('applyGoEdits', () => {
  it('applies several edits to one file and reports before, after and each step', () => {
    const outcome = applyGoEdits(parser, { file, text: appGo }, addUseCase);
    expect(outcome.changed).toBe(true);
    expect(outcome.before).toBe(appGo);
    expect(outcome.after).toBe(
      go(
        'package app',
        '',
        'import (',
        '\t"example.com/orders/internal/port"',
        ')',
        '',
        '// Ports are the outbound dependencies.',
        'type Ports struct {',
        '\tOrders port.OrderRepository',
        '\tClock  port.Clock',
        '}',
        '',
        '// App holds the use cases.',
        'type App struct {',
        '\tGetOrder    *GetOrder',
        '\tCreateOrder *CreateOrder',
        '}',
        '',
        '// New wires the use cases.',
        'func New(p Ports) *App {',
        '\treturn &App{',
        '\t\tGetOrder:    NewGetOrder(p.Orders),',
        '\t\tCreateOrder: NewCreateOrder(p.Orders, p.Clock),',
        '\t}',
        '}',
      ),
    );
    expect(outcome.steps.map((step) => [step.summary, step.changed])).toEqual([
      ['add field CreateOrder to struct App', true],
      ['set CreateOrder in the App{…} literal of func New', true],
      ['add field Clock to struct Ports', true],
      ['import "example.com/orders/internal/port"', false],
    ]);
    expectGofmtClean(outcome.after);
  });

  it('is idempotent as a whole', () => {
    const once = applyGoEdits(parser, { file, text: appGo }, addUseCase).after;
    const twice = applyGoEdits(parser, { file, text: once }, addUseCase);
    expect(twice.changed).toBe(false);
    expect(twice.after).toBe(once);
    expect(twice.steps.every((step) => !step.changed)).toBe(true);
  });

  it('returns nothing when a later edit fails (atomic at the text level)', () => {
    const edits: GoEdit[] = [...addUseCase, { kind: 'statement', func: 'Missing', statement: 'x()' }];
    const error = thrown(AnchorNotFoundError, () => applyGoEdits(parser, { file, text: appGo }, edits));
    expect(error.manualSnippet).toBe('x()');
  });

  it('with no edits reports no change', () => {
    expect(applyGoEdits(parser, { file, text: appGo }, [])).toMatchObject({ changed: false, after: appGo, steps: [] });
  });
});
