import * as morph from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { validateTsTypeName } from '../../../src/targets/ts/add/names.js';
import { parsePortMethods } from '../../../src/targets/ts/add/port-signature.js';
import { refusal } from '../../helpers/usage-error.js';

const BAD_NAMES = [
  'cancel_order', '1Order', '9', '_x', 'createInvoice', 'Create Invoice', 'Create.Invoice', 'Create_Invoice', 'delete', 'Promise',
  'ports', 'string', 'Ärger', 'a-b-c', '1class', 'x y', 'src/port/X', '..', '',
];

/** Hints must be valid themselves: whatever name or signature a refusal offers passes the same check. */
describe('TypeScript name hints', () => {
  it.each([
    ['cancel_order', /upper-case letter; did you mean CancelOrder\?/, 'svc add usecase CancelOrder'],
    ['1Order', /must start with a letter; did you mean Order\?/, 'svc add usecase Order'],
    ['Cancel_Order', /underscores; did you mean CancelOrder\?/, 'svc add usecase CancelOrder'],
  ])('%j is offered a valid spelling', (name, message, command) => {
    const error = refusal(() => validateTsTypeName('use case', name, 'svc add usecase CreateInvoice'));
    expect(error.message).toMatch(message);
    expect(error.hint).toBe(`use a PascalCase TypeScript class name, e.g. ${command}`);
  });

  it('every name a hint offers passes the same check', () => {
    for (const kind of ['use case', 'port'] as const) {
      for (const name of BAD_NAMES) {
        const error = refusal(() => validateTsTypeName(kind, name, kind === 'port' ? 'svc add port PaymentGateway' : 'svc add usecase CreateInvoice'));
        const offered = error.hint?.split(' ').at(-1) ?? '';
        expect(offered, name).not.toBe(name);
        expect(() => validateTsTypeName(kind, offered, 'x'), `${name} -> ${offered}`).not.toThrow();
      }
    }
  });

  it.each([
    'charge(amount: number): Promise<void>',
    'charge(signal: AbortSignal, amount: number): Promise<void>',
    'charge(amount: number, signal?: AbortSignal): Promise<void>',
    'charge(signal?: AbortSignal): Promise<void>',
    'charge(amount?: number): Promise<void>',
    'charge(amount: number, ...tags: string[]): Promise<string[]>',
    'charge(signal: string, amount: number): Promise<void>',
    'charge(cb?: () => void): Promise<void>',
  ])('the --method a refusal of %j offers names signal once and is accepted', (method) => {
    const error = refusal(() => parsePortMethods(morph, [method], new Map()));
    const offered = /--method "(.*)"$/.exec(error.hint ?? '')?.[1];
    expect(offered, error.hint).toBeDefined();
    expect(offered?.match(/\bsignal\b/g)).toHaveLength(1);
    expect(() => parsePortMethods(morph, [offered ?? ''], new Map())).not.toThrow();
  });
});
