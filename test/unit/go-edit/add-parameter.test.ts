import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, EditConflictError, InvalidSnippetError, addParameter } from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/app/ship_order.go';
const add = (text: string, parameter = 'events port.EventPublisher') => addParameter(parser, { file, text }, { func: 'NewShipOrder', parameter });
const constructor = (params: string) => go('package app', '', `func NewShipOrder(${params}) *ShipOrder {`, '\treturn &ShipOrder{}', '}');

describe('addParameter', () => {
  it('appends to a one-line list, and to an empty one', () => {
    expect(add(constructor('orders port.OrderRepository, clock port.Clock')).text).toBe(constructor('orders port.OrderRepository, clock port.Clock, events port.EventPublisher'));
    expect(add(constructor('')).text).toBe(constructor('events port.EventPublisher'));
    expectGofmtClean(add(constructor('a, b port.Clock')).text);
    expect(add(constructor('a, b port.Clock')).text).toBe(constructor('a, b port.Clock, events port.EventPublisher'));
  });

  it('gives a list written one parameter per row a row of its own', () => {
    const before = go('package app', '', 'func NewShipOrder(', '\torders port.OrderRepository,', '\tclock port.Clock, // the time', ') *ShipOrder {', '\treturn &ShipOrder{}', '}');
    const after = add(before).text;
    expect(after).toBe(go('package app', '', 'func NewShipOrder(', '\torders port.OrderRepository,', '\tclock port.Clock, // the time', '\tevents port.EventPublisher,', ') *ShipOrder {', '\treturn &ShipOrder{}', '}'));
    expectGofmtClean(after);
  });

  it('changes nothing when the parameter is there, and refuses the name with another type', () => {
    const present = constructor('events port.EventPublisher, clock port.Clock');
    expect(add(present)).toMatchObject({ changed: false, text: present });
    expect(thrown(EditConflictError, () => add(constructor('events chan string'))).message).toContain('already has a parameter events of type chan string');
  });

  it('refuses what it cannot join, with the parameter to add by hand', () => {
    expect(thrown(AnchorNotFoundError, () => add(constructor('names ...string'))).message).toContain('variadic');
    expect(thrown(AnchorNotFoundError, () => add(constructor('port.Clock, port.OrderRepository'))).message).toContain('unnamed');
    expect(thrown(AnchorNotFoundError, () => add(go('package app', '', 'func Other() {}'))).message).toContain('events port.EventPublisher');
    expect(() => add(constructor(''), 'port.EventPublisher')).toThrow(InvalidSnippetError);
  });
});
