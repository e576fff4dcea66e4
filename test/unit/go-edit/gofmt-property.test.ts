import { beforeAll, describe, expect, it } from 'vitest';
import {
  EditConflictError,
  addImport,
  addInterfaceMethod,
  addKeyedElement,
  addStatement,
  addStructField,
  addTopLevelDecl,
} from '../../../src/targets/go/edit/index.js';
import type { EditResult, GoParser, GoSource } from '../../../src/targets/go/edit/index.js';
import { firstSyntaxError } from '../../../src/targets/go/edit/document.js';
import { gofmt, gofmtList, go, goParser } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

/** Deterministic pseudo-random numbers so a failure always reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

type Case = { kind: string; source: string; apply: (source: GoSource) => EditResult };

/** Evaluates `make` once so that re-applying a case repeats the very same edit. */
function once<A>(make: () => A, apply: (args: A, source: GoSource) => EditResult): (source: GoSource) => EditResult {
  const args = make();
  return (source) => apply(args, source);
}

function generateCases(seed: number, count: number): Case[] {
  const rnd = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)] as T;
  const names = ['A', 'Bb', 'Orders', 'VeryLongFieldName', 'É', '日本語', 'ID', `K${'k'.repeat(45)}`];
  const types = ['int', 'string', 'port.OrderRepository', '*sql.DB', 'map[string]int', 'func(ctx context.Context) error'];
  const comment = (): string => pick(['// c', '// 日本 comment', '/* block */', '// x 😀']);
  const maybe = (p: number, text: string): string => (rnd() < p ? text : '');
  const rows = (make: (i: number) => string): string[] => Array.from({ length: Math.floor(rnd() * 6) }, (_, i) => make(i));
  const fixtures: Record<string, () => Case> = {
    struct: () => ({
      kind: 'struct',
      source: go(
        'package p',
        '',
        '// é 😀',
        'type Ports struct {',
        ...rows((i) =>
          pick([
            '\t// doc',
            '',
            `\t${pick(['io.Reader', '*Embedded'])}${maybe(0.5, ` ${comment()}`)}`,
            `\tNested${i} struct {\n\t\tX int\n\t}`,
            `\t${pick(names)}${i}${maybe(0.2, `, Z${i}`)} ${pick(types)}${maybe(0.3, ` \`json:"f${i}"\``)}${maybe(0.3, ` ${comment()}`)}`,
            `\t${pick(names)}${i} ${pick(types)}`,
          ]),
        ),
        '}',
      ),
      apply: once(
        () => ({ struct: 'Ports', field: `${pick(names)}New ${pick(types)}${maybe(0.3, ' `json:"n"`')}${maybe(0.3, ` ${comment()}`)}` }),
        (args, source) => addStructField(parser, source, args),
      ),
    }),
    literal: () => ({
      kind: 'literal',
      source: go(
        'package p',
        '',
        'func New(p Ports) *App {',
        '\treturn &App{',
        ...rows((i) =>
          pick([
            '\t\t// doc',
            '',
            `\t\tF${i}: func() error {\n\t\t\treturn nil\n\t\t},`,
            `\t\t${pick(names)}${i}: ${pick(['1', 'NewX(p.Orders)', '"日本"', 'nil'])},${maybe(0.3, ` ${comment()}`)}`,
            `\t\t${'K'.repeat(1 + Math.floor(rnd() * 60))}${i}: x,`,
          ]),
        ),
        '\t}',
        '}',
      ),
      apply: once(
        () => ({ func: 'New', type: 'App', key: rnd() < 0.3 ? 'N'.repeat(1 + Math.floor(rnd() * 60)) : `${pick(names)}New`, value: 'NewX(p.Orders)' }),
        (args, source) => addKeyedElement(parser, source, args),
      ),
    }),
    iface: () => ({
      kind: 'iface',
      source: go('package p', '', 'type Repo interface {', ...rows((i) => pick(['\t// doc', '', `\t${pick(names)}${i}(ctx context.Context) error${maybe(0.4, ` ${comment()}`)}`])), '}'),
      apply: once(
        () => ({ iface: 'Repo', spec: `${pick(names)}New() error${maybe(0.4, ` ${comment()}`)}` }),
        (args, source) => addInterfaceMethod(parser, source, args),
      ),
    }),
    imports: () => {
      const std = ['context', 'fmt', 'net/http', 'os', 'log/slog'];
      const other = ['github.com/a/b', 'github.com/z/y', 'example.com/orders/internal/port'];
      const group = (pool: string[]): string[] =>
        [...new Set(rows(() => pick(pool)))].sort().map((path) => `\t${maybe(0.15, 'al ')}"${path}"${maybe(0.3, ` ${comment()}`)}`);
      const groups = [group(std), group(other)].filter((lines) => lines.length > 0);
      const declaration = groups.length === 0 ? pick(['', 'import "fmt"\n']) : `import (\n${groups.map((lines) => lines.join('\n')).join('\n\n')}\n)\n`;
      return {
        kind: 'imports',
        source: `package p\n\n${declaration}\nvar _ = 1\n`,
        apply: once(
          () => ({ path: pick(['errors', 'github.com/b/c', 'example.com/orders/internal/app', 'net/http']), alias: pick([undefined, undefined, '_', 'x']) }),
          (args, source) => addImport(parser, source, args),
        ),
      };
    },
    statements: () => ({
      kind: 'statements',
      source: go(
        'package p',
        '',
        'func routes(mux *http.ServeMux) error {',
        ...rows(() => pick(['\t// doc', '', '\tif x {\n\t\ty()\n\t}', `\t${pick(['a := 1', 'mux.Handle("GET /x", h.x())', 'b = 日本()'])}${maybe(0.4, ` ${comment()}`)}`])),
        '\treturn nil',
        '}',
      ),
      apply: once(
        () => ({ func: 'routes', statement: `${pick(['mux.Handle("POST /v1/x", h.x())', 'z := 2'])}${maybe(0.4, ` ${comment()}`)}`, position: pick(['end', 'before-return'] as const) }),
        (args, source) => addStatement(parser, source, args),
      ),
    }),
    declarations: () => ({
      kind: 'declarations',
      source: go('package p', '', 'var a = 1', '', '// B is b.', 'func B() {}', ...rows((i) => `\nfunc f${i}() {}`)),
      apply: once(
        () => ({ declaration: '// C is c.\nfunc C() {\n\tB()\n}', after: pick([undefined, 'a', 'B']) }),
        (args, source) => addTopLevelDecl(parser, source, args),
      ),
    }),
  };
  const kinds = Object.keys(fixtures);
  return Array.from({ length: count }, () => {
    const make = fixtures[pick(kinds)];
    if (make === undefined) throw new Error('no fixture');
    return make();
  });
}

/** Leaf tokens (comments included): the user's code, blind to layout. */
function leaves(text: string): string[] {
  const tree = parser.parse(text);
  try {
    const out: string[] = [];
    const walk = (node: typeof tree.rootNode): void => {
      if (node.childCount === 0 || node.type === 'comment') out.push(node.text);
      else for (const child of node.children) walk(child);
    };
    walk(tree.rootNode);
    return out.filter((token) => token.length > 0);
  } finally {
    tree.delete();
  }
}

function isSubsequence(small: readonly string[], large: readonly string[]): boolean {
  let at = 0;
  for (const token of large) if (token === small[at]) at++;
  return at === small.length;
}

describe('properties over generated gofmt-clean inputs', () => {
  const cases = generateCases(20240601, 400);

  it('every output is gofmt-clean, re-parses, keeps all user tokens and is idempotent', () => {
    const failures: string[] = [];
    let edited = 0;
    for (const [index, testCase] of cases.entries()) {
      const source = { file: `case${index}.go`, text: gofmt(testCase.source) };
      let result: EditResult;
      try {
        result = testCase.apply(source);
      } catch (error) {
        if (error instanceof EditConflictError) continue;
        failures.push(`${testCase.kind} #${index} threw ${String(error)}\n${source.text}`);
        continue;
      }
      if (result.changed) edited++;
      const tree = parser.parse(result.text);
      const broken = firstSyntaxError(tree.rootNode) !== null;
      tree.delete();
      if (broken) failures.push(`${testCase.kind} #${index} does not parse\n${result.text}`);
      if (gofmt(result.text) !== result.text) failures.push(`${testCase.kind} #${index} not gofmt-clean\n--- in\n${source.text}--- out\n${result.text}`);
      if (!isSubsequence(leaves(source.text), leaves(result.text))) failures.push(`${testCase.kind} #${index} lost user tokens`);
      const again = testCase.apply({ file: source.file, text: result.text });
      if (again.changed || again.text !== result.text) failures.push(`${testCase.kind} #${index} not idempotent`);
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect(edited).toBeGreaterThan(300);
    // 800 gofmt processes: ~3 s alone, over the unit project's 20 s while the matrix builds beside it.
  }, 120_000);
});

describe('gofmt -l over representative outputs', () => {
  it('lists none of them', () => {
    const outputs = generateCases(7, 60).flatMap((testCase, index) => {
      try {
        return [testCase.apply({ file: `r${index}.go`, text: gofmt(testCase.source) }).text];
      } catch (error) {
        if (error instanceof EditConflictError) return [];
        throw error;
      }
    });
    expect(outputs.length).toBeGreaterThan(50);
    expect(gofmtList(outputs)).toEqual([]);
  });

  it('would list a file that is not gofmt-clean (the check can fail)', () => {
    expect(gofmtList([go('package p', '', 'type T struct {', '\tA int', '\tLonger string', '}')])).toHaveLength(1);
  });
});
