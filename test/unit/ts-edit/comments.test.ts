import { describe, expect, it } from 'vitest';
import { addTsPortOperation } from '../../../src/targets/ts/add/port.js';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import type { TsEdit } from '../../../src/targets/ts/edit/edits.js';
import { TsEditSession } from '../../../src/targets/ts/edit/session.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { keepsLinesInOrder, read, runAdd, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

/** Applies one batch both ways (spliced at once, and one edit at a time) and checks both give the same text. */
async function edited(text: string, edits: readonly TsEdit[]): Promise<string> {
  const results: string[] = [];
  for (const splice of [true, false]) {
    const tree = new Tree(makeTempDir('ts-comments-'));
    tree.write('file.ts', text);
    const session = await TsEditSession.open(tree, { splice });
    session.apply('file.ts', edits, 'SNIPPET');
    results.push(tree.read('file.ts') ?? '');
  }
  expect(results[1], 'one edit at a time gives the bytes of the batch').toBe(results[0]);
  return results[0] ?? '';
}

const property = (iface: string): TsEdit => ({ kind: 'interface-property', iface, name: 'zed', type: 'Zed' });
const returned = (func: string): TsEdit => ({ kind: 'returned-property', func, name: 'zed', initializer: 'new Zed()' });
const statement = (func: string): TsEdit => ({ kind: 'statement', func, statement: 'registerZed(server, app.zed);', unlessPresent: 'registerZed(' });

describe('TypeScript edits keep every comment where the user put it', () => {
  it.each([
    ['a trailing comment on the last member', 'interface App {\n  getOrder: GetOrder; // keep me\n}\n', property('App'), 'interface App {\n  getOrder: GetOrder; // keep me\n  zed: Zed;\n}\n'],
    ['a block comment trailing the last member', 'interface App {\n  getOrder: GetOrder; /* keep */\n}\n', property('App'), 'interface App {\n  getOrder: GetOrder; /* keep */\n  zed: Zed;\n}\n'],
    ['a comment row after the last member', 'interface App {\n  getOrder: GetOrder;\n  // more to come\n}\n', property('App'), 'interface App {\n  getOrder: GetOrder;\n  // more to come\n  zed: Zed;\n}\n'],
    ['leading and in-between comments', 'interface App {\n  /** Creates. */\n  createOrder: CreateOrder;\n  // between\n  getOrder: GetOrder;\n}\n', property('App'), 'interface App {\n  /** Creates. */\n  createOrder: CreateOrder;\n  // between\n  getOrder: GetOrder;\n  zed: Zed;\n}\n'],
    ['a comment in an empty interface', 'interface App {\n  // none yet\n}\n', property('App'), 'interface App {\n  // none yet\n  zed: Zed;\n}\n'],
    ['a comment on the brace row of an empty interface', 'interface App { /* none */ }\n', property('App'), 'interface App { /* none */\n  zed: Zed;\n}\n'],
    [
      'a trailing comment after the comma of the last property',
      'function createApp(): App {\n  return {\n    getOrder: new GetOrder(), // keep me\n  };\n}\n',
      returned('createApp'),
      'function createApp(): App {\n  return {\n    getOrder: new GetOrder(), // keep me\n    zed: new Zed(),\n  };\n}\n',
    ],
    [
      'a last property without a comma, a trailing and a comment row after it',
      'function createApp(): App {\n  return {\n    getOrder: new GetOrder() // keep me\n    // the end\n  };\n}\n',
      returned('createApp'),
      'function createApp(): App {\n  return {\n    getOrder: new GetOrder(), // keep me\n    // the end\n    zed: new Zed()\n  };\n}\n',
    ],
    [
      'a trailing comment after the last statement',
      'function registerRoutes(server: S, app: App): void {\n  registerGetOrder(server, app.getOrder); // the get route\n}\n',
      statement('registerRoutes'),
      'function registerRoutes(server: S, app: App): void {\n  registerGetOrder(server, app.getOrder); // the get route\n  registerZed(server, app.zed);\n}\n',
    ],
    [
      'a block comment over rows after the last statement',
      'function registerRoutes(server: S, app: App): void {\n  registerGetOrder(server, app.getOrder);\n  /* a block\n     comment */\n}\n',
      statement('registerRoutes'),
      'function registerRoutes(server: S, app: App): void {\n  registerGetOrder(server, app.getOrder);\n  /* a block\n     comment */\n  registerZed(server, app.zed);\n}\n',
    ],
    [
      'a comment above the return a statement goes before',
      'function createPorts(): Ports {\n  const x = 1; // one\n  // about the return\n  return { x };\n}\n',
      { kind: 'statement', func: 'createPorts', statement: 'const y = 2;', unlessPresent: 'const y', position: 'before-return', paragraph: true },
      'function createPorts(): Ports {\n  const x = 1; // one\n\n  const y = 2;\n  // about the return\n  return { x };\n}\n',
    ],
  ] as const)('%s', async (_label, text, edit, expected) => {
    expect(await edited(text, [edit])).toBe(expected);
  });

  it('imports: a trailing comment stays on its import, a header above the first one, a JSDoc with its declaration', async () => {
    const text = "// header\nimport { B } from './b.js'; // bee\nimport { D } from './d.js'; /* dee */\n\n/** Doc of x. */\nexport const x = 1;\n";
    const after = await edited(text, [{ kind: 'named-import', module: './a.js', name: 'A' }]);
    expect(after).toBe("// header\nimport { A } from './a.js';\nimport { B } from './b.js'; // bee\nimport { D } from './d.js'; /* dee */\n\n/** Doc of x. */\nexport const x = 1;\n");
    expect(await edited(text, [{ kind: 'named-import', module: './e.js', name: 'E' }])).toContain("import { D } from './d.js'; /* dee */\nimport { E } from './e.js';\n");
    expect(await edited('/** Doc of x. */\nexport const x = 1;\n', [{ kind: 'named-import', module: './a.js', name: 'A' }])).toBe("import { A } from './a.js';\n\n/** Doc of x. */\nexport const x = 1;\n");
  });

  it('a multi-line named import keeps its comments', async () => {
    const text = "import {\n  a, // first\n  // c next\n  c,\n} from './m.js';\n";
    expect(await edited(text, [{ kind: 'named-import', module: './m.js', name: 'b' }])).toBe("import {\n  a, // first\n  b,\n  // c next\n  c,\n} from './m.js';\n");
  });
});

describe('svc add keeps the comments of a hand-edited service', () => {
  it('usecase --http: comments after App members, createApp properties and registerRoutes calls stay on their rows', async () => {
    const root = await makeTsService();
    const app = read(root, 'src/app/app.ts')
      .replace('  getOrder: GetOrder;\n}', '  getOrder: GetOrder; // keep me\n}')
      .replace('    getOrder: new GetOrder(ports.orders),\n', '    getOrder: new GetOrder(ports.orders), /* keep me too */\n    // wired by hand above\n');
    const routes = read(root, 'src/adapter/http/routes.ts').replace('  registerGetOrder(server, app.getOrder);', '  registerGetOrder(server, app.getOrder); // the get route');
    write(root, 'src/app/app.ts', app);
    write(root, 'src/adapter/http/routes.ts', routes);
    const result = await runAdd(root, addTsUsecaseOperation('RefundOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/refund' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/app/app.ts')).toContain('  getOrder: GetOrder; // keep me\n  refundOrder: RefundOrder;\n}');
    expect(read(root, 'src/app/app.ts')).toContain('    getOrder: new GetOrder(ports.orders), /* keep me too */\n    // wired by hand above\n    refundOrder: new RefundOrder(ports.orders),\n  };');
    expect(read(root, 'src/adapter/http/routes.ts')).toContain('  registerGetOrder(server, app.getOrder); // the get route\n  registerRefundOrder(server, app.refundOrder);\n}');
    expect(keepsLinesInOrder(app, read(root, 'src/app/app.ts'))).toBeNull();
    expect(keepsLinesInOrder(routes, read(root, 'src/adapter/http/routes.ts'))).toBeNull();
  });

  it('port: comments in Ports, createPorts and a one-line Ports literal stay', async () => {
    const root = await makeTsService();
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('  clock: Clock;\n}', '  clock: Clock; // time\n}'));
    write(root, 'src/bootstrap/ports.ts', read(root, 'src/bootstrap/ports.ts').replace('    clock: systemClock,\n', '    clock: systemClock, // real time\n'));
    const result = await runAdd(root, addTsPortOperation('PaymentGateway', { methods: ['charge(orderId: string, signal: AbortSignal): Promise<string>'] }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/app/app.ts')).toContain('  clock: Clock; // time\n  paymentGateway: PaymentGateway;\n}');
    expect(read(root, 'src/bootstrap/ports.ts')).toContain('    clock: systemClock, // real time\n    paymentGateway: new MemoryPaymentGateway(),\n  };');
  });
});
