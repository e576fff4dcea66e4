import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, EditConflictError, GoParseError, InvalidSnippetError, addTopLevelDecl } from '../../../src/targets/go/edit/index.js';
import type { AddTopLevelDeclArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/adapter/http/handlers.go';
const add = (text: string, args: AddTopLevelDeclArgs) => addTopLevelDecl(parser, { file, text }, args);
const handler = '// createOrder handles POST /v1/orders.\nfunc (h *Handler) createOrder() http.Handler {\n\treturn nil\n}';

describe('addTopLevelDecl', () => {
  it('appends a declaration at the end of the file, separated by a blank line', () => {
    const result = add(go('package http', '', 'type Handler struct{}'), { declaration: handler });
    expect(result.changed).toBe(true);
    expect(result.text).toBe(
      go('package http', '', 'type Handler struct{}', '', '// createOrder handles POST /v1/orders.', 'func (h *Handler) createOrder() http.Handler {', '\treturn nil', '}'),
    );
    expectGofmtClean(result.text);
    expectParsesClean(parser, result.text);
  });

  it('is idempotent: a method, func, type, var or const of that name counts as present', () => {
    const once = add(go('package http', '', 'type Handler struct{}'), { declaration: handler }).text;
    expect(add(once, { declaration: handler })).toMatchObject({ changed: false, text: once });
    const userVersion = go('package http', '', 'func (h Handler) createOrder() http.Handler { return mine }');
    expect(add(userVersion, { declaration: handler }).changed).toBe(false);
    const grouped = go('package http', '', 'const (', '\tA = 1', '\tB = 2', ')');
    expect(add(grouped, { declaration: 'const B = 3' }).changed).toBe(false);
  });

  it('places it right after a named declaration, before the next one and its doc comment', () => {
    const before = go('package http', '', 'type Handler struct{}', '', '// later is the user’s.', 'func later() {}');
    const result = add(before, { declaration: 'func (h *Handler) x() {}', after: 'Handler' });
    expect(result.text).toBe(go('package http', '', 'type Handler struct{}', '', 'func (h *Handler) x() {}', '', '// later is the user’s.', 'func later() {}'));
    expectGofmtClean(result.text);
  });

  it('adds the blank line below when the next declaration followed without one', () => {
    const result = add(go('package http', '', 'var a = 1', 'var b = 2'), { declaration: 'func f() {}', after: 'a' });
    expect(result.text).toBe(go('package http', '', 'var a = 1', '', 'func f() {}', '', 'var b = 2'));
    expectGofmtClean(result.text);
  });

  it('keeps a trailing comment of the anchor and comments at the end of the file', () => {
    const before = go('package http', '', 'var a = 1 // one', '', '// end of file');
    expect(add(before, { declaration: 'var b = 2', after: 'a' }).text).toBe(go('package http', '', 'var a = 1 // one', '', 'var b = 2', '', '// end of file'));
    expect(add(before, { declaration: 'var b = 2' }).text).toBe(go('package http', '', 'var a = 1 // one', '', '// end of file', '', 'var b = 2'));
  });

  it('handles a file without a final newline', () => {
    expect(add('package http', { declaration: 'var b = 2' }).text).toBe(go('package http', '', 'var b = 2'));
  });

  it('throws AnchorNotFoundError with the declaration when the `after` anchor is gone', () => {
    const error = thrown(AnchorNotFoundError, () => add(go('package http'), { declaration: handler, after: 'Handler' }));
    expect(error.manualSnippet).toBe(handler);
    expect(error.where).toBe('at package level in internal/adapter/http/handlers.go');
  });

  it('refuses a declaration that is only partly present', () => {
    thrown(EditConflictError, () => add(go('package http', '', 'var a = 1'), { declaration: 'var (\n\ta = 1\n\tb = 2\n)' }));
  });

  it('refuses invalid declarations and unparsable files', () => {
    thrown(InvalidSnippetError, () => add(go('package http'), { declaration: 'x := 1' }));
    thrown(InvalidSnippetError, () => add(go('package http'), { declaration: 'func a() {}\nfunc b() {}' }));
    thrown(InvalidSnippetError, () => add(go('package http'), { declaration: 'import "fmt"' }));
    thrown(GoParseError, () => add(go('package http', '', 'func {'), { declaration: 'var b = 2' }));
  });
});
