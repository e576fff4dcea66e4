import { describe, expect, it } from 'vitest';
import { TsEditSession } from '../../../src/targets/ts/edit/session.js';
import type { TsEdit } from '../../../src/targets/ts/edit/edits.js';
import { Tree } from '../../../src/tree/tree.js';
import { read } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

/** Applies one batch through a session, spliced in at once or planned one edit at a time; the staged result. */
async function applied(root: string, file: string, edits: readonly TsEdit[], splice: boolean): Promise<string | undefined> {
  const tree = new Tree(root);
  const session = await TsEditSession.open(tree, { splice });
  return session.apply(file, edits, '') ? tree.read(file) : undefined;
}

const APP_EDITS = (name: string, kebab: string, args: string): TsEdit[] => [
  { kind: 'named-import', module: `./${kebab}.js`, name },
  { kind: 'interface-property', iface: 'App', name: name.charAt(0).toLowerCase() + name.slice(1), type: name },
  { kind: 'use-parameter', func: 'createApp', index: 0, name: 'ports' },
  { kind: 'returned-property', func: 'createApp', name: name.charAt(0).toLowerCase() + name.slice(1), initializer: `new ${name}(${args})` },
];

const ROUTE_EDITS = (name: string, kebab: string): TsEdit[] => [
  { kind: 'named-import', module: `./${kebab}.js`, name: `register${name}` },
  { kind: 'use-parameter', func: 'registerRoutes', index: 0, name: 'server' },
  { kind: 'use-parameter', func: 'registerRoutes', index: 1, name: 'app' },
  { kind: 'statement', func: 'registerRoutes', statement: `register${name}(server, app.${name.charAt(0).toLowerCase() + name.slice(1)});`, unlessPresent: `register${name}(` },
];

describe('a batch spliced in at once gives the bytes of one edit at a time', () => {
  it.each([
    ['AddNote', 'add-note', ''],
    ['ArchiveOrder', 'archive-order', 'ports.orders'],
    ['ZapOrder', 'zap-order', 'ports.orders, ports.clock'],
  ])('on the example service: %s', async (name, kebab, args) => {
    const root = await makeTsService();
    for (const [file, edits] of [
      ['src/app/app.ts', APP_EDITS(name, kebab, args)],
      ['src/adapter/http/routes.ts', ROUTE_EDITS(name, kebab)],
      ['src/app/app.ts', [{ kind: 'named-import', module: '../port/order-repository.js', name: 'Extra', typeOnly: true }] as TsEdit[]],
    ] as const) {
      const spliced = await applied(root, file, edits, true);
      expect(spliced, `${file} changed`).not.toBe(read(root, file));
      expect(spliced, file).toBe(await applied(root, file, edits, false));
    }
  });

  it('empty App, no routes yet, several imports: the same result both ways', async () => {
    const root = await makeTsService({ example: false });
    for (const [file, edits] of [
      ['src/app/app.ts', APP_EDITS('Ping', 'ping', '')],
      ['src/adapter/http/routes.ts', ROUTE_EDITS('Ping', 'ping')],
    ] as const) {
      const spliced = await applied(root, file, edits, true);
      expect(spliced).toBe(await applied(root, file, edits, false));
    }
  });

  it('a re-run is a no-op on both paths', async () => {
    const root = await makeTsService();
    const edits = [{ kind: 'named-import', module: './create-order.js', name: 'CreateOrder' }, { kind: 'interface-property', iface: 'App', name: 'createOrder', type: 'CreateOrder' }] as TsEdit[];
    expect(await applied(root, 'src/app/app.ts', edits, true)).toBeUndefined();
    expect(await applied(root, 'src/app/app.ts', edits, false)).toBeUndefined();
  });
});
