import { beforeAll, describe, expect, it } from 'vitest';
import {
  AnchorNotFoundError,
  EditVerificationError,
  GoParseError,
  InvalidSnippetError,
  addStatement,
} from '../../../src/targets/go/edit/index.js';
import type { AddStatementArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/adapter/http/routes.go';
const route: AddStatementArgs = { func: 'registerRoutes', statement: 'mux.Handle("POST /v1/orders", h.createOrder())' };
const add = (text: string, args: AddStatementArgs = route) => addStatement(parser, { file, text }, args);
const routes = (...body: string[]) => go('package http', '', 'func registerRoutes(mux *http.ServeMux, h *Handler) {', ...body, '}');

describe('addStatement', () => {
  it('appends at the end of the body', () => {
    const result = add(routes('\tmux.Handle("GET /v1/orders/{id}", h.getOrder())'));
    expect(result.changed).toBe(true);
    expect(result.text).toBe(routes('\tmux.Handle("GET /v1/orders/{id}", h.getOrder())', '\tmux.Handle("POST /v1/orders", h.createOrder())'));
    expectGofmtClean(result.text);
    expectParsesClean(parser, result.text);
  });

  it('is idempotent, ignoring formatting and comments of the existing statement', () => {
    const once = add(routes('\tmux.Handle("GET /healthz", h.health())')).text;
    expect(add(once)).toMatchObject({ changed: false, text: once });
    const reformatted = routes('\tmux.Handle(', '\t\t"POST /v1/orders", // create', '\t\th.createOrder(),', '\t)');
    expect(add(reformatted)).toMatchObject({ changed: false, text: reformatted });
  });

  it('finds the statement even when the user moved it into a nested block', () => {
    const nested = routes('\tif enabled {', '\t\tmux.Handle("POST /v1/orders", h.createOrder())', '\t}');
    expect(add(nested).changed).toBe(false);
  });

  it('uses unlessPresent as a structural key', () => {
    const args: AddStatementArgs = { ...route, unlessPresent: '"POST /v1/orders"' };
    const userWrapped = routes('\tmux.Handle("POST /v1/orders", auth(h.createOrder()))');
    expect(add(userWrapped, args)).toMatchObject({ changed: false, text: userWrapped });
    expect(add(routes(), args).changed).toBe(true);
  });

  it('refuses an unlessPresent key that the statement itself does not contain (would never become idempotent)', () => {
    thrown(EditVerificationError, () => add(routes(), { ...route, unlessPresent: '"GET /elsewhere"' }));
  });

  it('inserts before the final return, keeping a blank line above the return', () => {
    const before = go('package bootstrap', '', 'func run() error {', '\tsrv := newServer()', '', '\t// serve', '\treturn srv.Run()', '}');
    const result = addStatement(parser, { file, text: before }, { func: 'run', statement: 'srv.Use(mw)', position: 'before-return' });
    expect(result.text).toBe(go('package bootstrap', '', 'func run() error {', '\tsrv := newServer()', '\tsrv.Use(mw)', '', '\t// serve', '\treturn srv.Run()', '}'));
    expectGofmtClean(result.text);
  });

  it('inserts before the comments attached to the final return', () => {
    const before = go('package bootstrap', '', 'func run() error {', '\tsrv := newServer()', '\t// serve', '\treturn srv.Run()', '}');
    const result = addStatement(parser, { file, text: before }, { func: 'run', statement: 'srv.Use(mw)', position: 'before-return' });
    expect(result.text).toBe(go('package bootstrap', '', 'func run() error {', '\tsrv := newServer()', '\tsrv.Use(mw)', '\t// serve', '\treturn srv.Run()', '}'));
  });

  it('handles a body that is only a return, and a one-line body', () => {
    const only = addStatement(parser, { file, text: go('package p', '', 'func run() error {', '\treturn nil', '}') }, {
      func: 'run',
      statement: 'setup()',
      position: 'before-return',
    });
    expect(only.text).toBe(go('package p', '', 'func run() error {', '\tsetup()', '\treturn nil', '}'));
    const oneLine = addStatement(parser, { file, text: go('package p', '', 'func run() error { return nil }') }, {
      func: 'run',
      statement: 'setup()',
      position: 'before-return',
    });
    expect(oneLine.text).toBe(go('package p', '', 'func run() error {', '\tsetup()', '\treturn nil', '}'));
    expectGofmtClean(oneLine.text);
  });

  it('opens up an empty body', () => {
    const result = add(go('package http', '', 'func registerRoutes(mux *http.ServeMux, h *Handler) {}'));
    expect(result.text).toBe(routes('\tmux.Handle("POST /v1/orders", h.createOrder())'));
    expectGofmtClean(result.text);
  });

  it('keeps a trailing comment after the last statement and comments inside the body', () => {
    const before = routes('\t// health', '\tmux.Handle("GET /healthz", h.health()) // no auth', '\t// end of routes');
    const result = add(before);
    expect(result.text).toBe(
      routes('\t// health', '\tmux.Handle("GET /healthz", h.health()) // no auth', '\t// end of routes', '\tmux.Handle("POST /v1/orders", h.createOrder())'),
    );
    expectGofmtClean(result.text);
  });

  it('realigns trailing comments of the statements around it', () => {
    const before = go('package p', '', 'func run() error {', '\ta := 1      // a', '\tbbbbbb := 2 // b', '\treturn nil', '}');
    const result = addStatement(parser, { file, text: before }, { func: 'run', statement: 'c := 3 // c', position: 'before-return' });
    expect(result.text).toBe(go('package p', '', 'func run() error {', '\ta := 1      // a', '\tbbbbbb := 2 // b', '\tc := 3      // c', '\treturn nil', '}'));
    expectGofmtClean(result.text);
  });

  it('indents a multi-line statement', () => {
    const result = addStatement(parser, { file, text: go('package p', '', 'func run() error {', '\treturn nil', '}') }, {
      func: 'run',
      statement: 'if err := setup(); err != nil {\n\treturn err\n}',
      position: 'before-return',
    });
    expect(result.text).toBe(go('package p', '', 'func run() error {', '\tif err := setup(); err != nil {', '\t\treturn err', '\t}', '\treturn nil', '}'));
    expectGofmtClean(result.text);
  });

  it('does not re-indent continuation lines inside a raw string', () => {
    const result = addStatement(parser, { file, text: go('package p', '', 'func run() {', '}') }, {
      func: 'run',
      statement: 'q := `SELECT 1\nFROM t`',
    });
    expect(result.text).toBe(go('package p', '', 'func run() {', '\tq := `SELECT 1', 'FROM t`', '}'));
  });

  it('targets a method with Recv.name (pointer or value receiver)', () => {
    const before = go('package http', '', 'func (r *Router) routes() {', '\tr.get()', '}', '', 'func routes() {}');
    const result = addStatement(parser, { file, text: before }, { func: 'Router.routes', statement: 'r.post()' });
    expect(result.text).toBe(go('package http', '', 'func (r *Router) routes() {', '\tr.get()', '\tr.post()', '}', '', 'func routes() {}'));
  });

  it('throws AnchorNotFoundError with the statement when the function is gone', () => {
    const error = thrown(AnchorNotFoundError, () => add(go('package http', '', 'func routes(mux *http.ServeMux) {}')));
    expect(error.manualSnippet).toBe('mux.Handle("POST /v1/orders", h.createOrder())');
    expect(error.where).toBe('at the end of func registerRoutes in internal/adapter/http/routes.go');
  });

  it('throws AnchorNotFoundError for before-return when the body has no top-level return', () => {
    const error = thrown(AnchorNotFoundError, () =>
      addStatement(parser, { file, text: go('package p', '', 'func run() {', '\tif x {', '\t\treturn', '\t}', '}') }, {
        func: 'run',
        statement: 'setup()',
        position: 'before-return',
      }),
    );
    expect(error.problem).toBe('missing');
    expect(error.manualSnippet).toBe('setup()');
  });

  it('refuses unparsable input and statements that are not one statement', () => {
    thrown(GoParseError, () => add(routes('\tmux.Handle(')));
    thrown(InvalidSnippetError, () => add(routes(), { ...route, statement: 'a(); b()' }));
    thrown(InvalidSnippetError, () => add(routes(), { ...route, statement: 'func x() {}' }));
  });
});
