import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { goFilesIn, HTTP_DIR, ROUTER_FILE } from '../add/go-files.js';
import type { GoParser } from '../edit/parser.js';
import { readGo, unquote } from './syntax.js';

export interface Route {
  /** `POST /v1/orders` */
  pattern: string;
  /** The handler expression as written, e.g. `createOrder(log, a.CreateOrder)`. */
  handler: string;
  /** Fields selected on any operand inside the handler expression, e.g. `CreateOrder`. */
  selectors: string[];
  /** The file whose code registers it. */
  file: string;
}

/** What one function of the HTTP adapter registers, and which functions of the package it calls. */
interface FunctionRoutes {
  routes: Route[];
  calls: string[];
}

/**
 * The `mux.Handle("PATTERN", …)` / `HandleFunc` calls of `func routes` in the HTTP adapter and of
 * the package's functions it calls, however deep (teams split routes by resource:
 * `orderRoutes(mux, log, a)`); null without router.go or func routes. Only non-test files that
 * mention Handle are read.
 */
export function readRoutes(parser: GoParser, tree: Tree): Route[] | null {
  if (!tree.exists(ROUTER_FILE)) return null;
  const functions = new Map<string, FunctionRoutes>();
  for (const file of goFilesIn(tree, HTTP_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = tree.read(file) ?? '';
    if (file !== ROUTER_FILE && !text.includes('Handle')) continue;
    readGo(parser, file, text, (doc) => {
      for (const declaration of doc.root.namedChildren) {
        if (declaration?.type !== 'function_declaration') continue;
        const name = declaration.childForFieldName('name')?.text;
        const body = declaration.childForFieldName('body');
        if (name !== undefined && body !== null && !functions.has(name)) functions.set(name, routesIn(body, file));
      }
    });
  }
  if (!functions.has('routes')) return null;
  const routes: Route[] = [];
  const seen = new Set<string>();
  const pending = ['routes'];
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    const found = functions.get(name);
    if (found === undefined || seen.has(name)) continue;
    seen.add(name);
    routes.push(...found.routes);
    pending.push(...found.calls);
  }
  return routes;
}

function routesIn(body: Node, file: string): FunctionRoutes {
  const routes: Route[] = [];
  const calls: string[] = [];
  for (const call of body.descendantsOfType('call_expression')) {
    const fn = call?.childForFieldName('function');
    if (call === null || fn === null || fn === undefined) continue;
    if (fn.type === 'identifier') {
      calls.push(fn.text);
      continue;
    }
    if (fn.type !== 'selector_expression' || !['Handle', 'HandleFunc'].includes(fn.childForFieldName('field')?.text ?? '')) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((arg): arg is Node => arg !== null && arg.type !== 'comment') ?? [];
    const [first, second] = args;
    if (first === undefined || !['interpreted_string_literal', 'raw_string_literal'].includes(first.type)) continue;
    const selectors = second === undefined ? [] : second.descendantsOfType('selector_expression').map((sel) => sel?.childForFieldName('field')?.text ?? '');
    routes.push({ pattern: unquote(first.text), handler: second?.text ?? '', selectors: selectors.filter((s) => s !== ''), file });
  }
  return { routes, calls };
}
