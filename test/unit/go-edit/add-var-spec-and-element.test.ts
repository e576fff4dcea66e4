import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, InvalidSnippetError, addVarElement, addVarSpec, applyGoEdits } from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const errorsFile = 'internal/domain/errors.go';
const notImplemented = '// ErrNotImplemented means the work is not written yet.\nErrNotImplemented = errors.New("not implemented")';
const spec = (text: string) => addVarSpec(parser, { file: errorsFile, text }, { besides: 'ErrInvalid', spec: notImplemented });

describe('addVarSpec', () => {
  it('appends the spec with its doc comment to the group that declares the anchor', () => {
    const before = go('package domain', '', 'import "errors"', '', 'var (', '\tErrNotFound = errors.New("not found")', '\tErrInvalid  = errors.New("invalid") // user note', ')');
    const result = spec(before);
    expect(result.text).toBe(
      go(
        'package domain',
        '',
        'import "errors"',
        '',
        'var (',
        '\tErrNotFound = errors.New("not found")',
        '\tErrInvalid  = errors.New("invalid") // user note',
        '\t// ErrNotImplemented means the work is not written yet.',
        '\tErrNotImplemented = errors.New("not implemented")',
        ')',
      ),
    );
    expectGofmtClean(result.text);
  });

  it('leaves the file alone when the name is declared anywhere at package level', () => {
    const declared = go('package domain', '', 'import "errors"', '', 'var (', '\tErrInvalid = errors.New("invalid")', ')', '', 'var ErrNotImplemented = errors.ErrUnsupported');
    expect(spec(declared)).toMatchObject({ changed: false, text: declared });
    const once = spec(go('package domain', '', 'import "errors"', '', 'var (', '\tErrInvalid = errors.New("invalid")', ')')).text;
    expect(spec(once)).toMatchObject({ changed: false, text: once });
  });

  it('keeps a group with blank rows and a CRLF file as they are', () => {
    const before = 'package domain\r\n\r\nimport "errors"\r\n\r\nvar (\r\n\t// ErrInvalid: Ärger.\r\n\tErrInvalid = errors.New("invalid")\r\n\r\n)\r\n';
    const result = spec(before);
    expect(result.text).toBe(
      'package domain\r\n\r\nimport "errors"\r\n\r\nvar (\r\n\t// ErrInvalid: Ärger.\r\n\tErrInvalid = errors.New("invalid")\r\n\r\n\t// ErrNotImplemented means the work is not written yet.\r\n\tErrNotImplemented = errors.New("not implemented")\r\n)\r\n',
    );
  });

  it('refuses when the anchor is declared on its own or not at all, with the lines to add', () => {
    const alone = thrown(AnchorNotFoundError, () => spec(go('package domain', '', 'import "errors"', '', 'var ErrInvalid = errors.New("invalid")')));
    expect(alone.problem).toBe('wrong-kind');
    expect(alone.manualSnippet).toBe(notImplemented);
    expect(thrown(AnchorNotFoundError, () => spec(go('package domain'))).problem).toBe('missing');
  });

  it('requires the doc comment', () => {
    thrown(InvalidSnippetError, () => addVarSpec(parser, { file: errorsFile, text: go('package domain') }, { besides: 'ErrInvalid', spec: 'ErrX = 1' }));
  });
});

const problemFile = 'internal/adapter/http/problem.go';
const table = (...rows: string[]) =>
  go('package httpadapter', '', 'var errorStatuses = []struct {', '\tkind   error', '\tstatus int', '}{', ...rows, '}');
const row = (text: string) => addVarElement(parser, { file: problemFile, text }, { variable: 'errorStatuses', element: '{domain.ErrNotImplemented, http.StatusNotImplemented}', unlessPresent: 'domain.ErrNotImplemented' });

describe('addVarElement', () => {
  it('appends a row to a table of positional elements', () => {
    const result = row(table('\t{domain.ErrInvalid, http.StatusUnprocessableEntity},', '\t{context.Canceled, statusClientClosedRequest}, // 499'));
    expect(result.text).toBe(
      table('\t{domain.ErrInvalid, http.StatusUnprocessableEntity},', '\t{context.Canceled, statusClientClosedRequest}, // 499', '\t{domain.ErrNotImplemented, http.StatusNotImplemented},'),
    );
    expectGofmtClean(result.text);
  });

  it('is nothing to do when the probe is in the table, whatever status the user chose', () => {
    const mapped = table('\t{domain.ErrNotImplemented, http.StatusInternalServerError},');
    expect(row(mapped)).toMatchObject({ changed: false, text: mapped });
  });

  it('adds a key: value to a map literal and aligns it as gofmt does', () => {
    const details = go('package httpadapter', '', 'var problemDetails = map[int]string{', '\thttp.StatusNotFound: "gone",', '\thttp.StatusConflict: "clash",', '}');
    const result = addVarElement(parser, { file: problemFile, text: details }, { variable: 'problemDetails', element: 'http.StatusNotImplemented: "not yet"' });
    expect(result.text).toBe(
      go('package httpadapter', '', 'var problemDetails = map[int]string{', '\thttp.StatusNotFound:       "gone",', '\thttp.StatusConflict:       "clash",', '\thttp.StatusNotImplemented: "not yet",', '}'),
    );
    expectGofmtClean(result.text);
    const again = addVarElement(parser, { file: problemFile, text: result.text }, { variable: 'problemDetails', element: 'http.StatusNotImplemented: "other words"' });
    expect(again.changed).toBe(false);
  });

  it('finds the variable inside a var group and opens up an empty literal', () => {
    const grouped = go('package httpadapter', '', 'var (', '\tx             = 1', '\terrorStatuses = []kindStatus{}', ')');
    const result = row(grouped);
    expect(result.text).toBe(go('package httpadapter', '', 'var (', '\tx             = 1', '\terrorStatuses = []kindStatus{', '\t\t{domain.ErrNotImplemented, http.StatusNotImplemented},', '\t}', ')'));
    expectGofmtClean(result.text);
  });

  it('refuses a missing variable or one without a literal', () => {
    expect(thrown(AnchorNotFoundError, () => row(go('package httpadapter'))).manualSnippet).toBe('{domain.ErrNotImplemented, http.StatusNotImplemented},');
    expect(thrown(AnchorNotFoundError, () => row(go('package httpadapter', '', 'var errorStatuses = defaultStatuses()'))).problem).toBe('wrong-kind');
  });

  it('runs in a batch with other edits', () => {
    const outcome = applyGoEdits(parser, { file: problemFile, text: table() }, [
      { kind: 'var-element', variable: 'errorStatuses', element: '{domain.ErrNotImplemented, http.StatusNotImplemented}' },
    ]);
    expect(outcome.after).toContain('\t{domain.ErrNotImplemented, http.StatusNotImplemented},\n}');
  });
});
