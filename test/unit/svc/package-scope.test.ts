import fs from 'node:fs';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { mayDeclareAny } from '../../../src/targets/go/add/identifier-scan.js';
import { PackageScope } from '../../../src/targets/go/add/package-scope.js';
import { loadGoParser } from '../../../src/targets/go/edit/parser.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('mayDeclareAny', () => {
  it('sees names that code could declare', () => {
    expect(mayDeclareAny('package app\n\nvar errors = 1\n', ['errors'])).toBe(true);
    expect(mayDeclareAny('package app\n\nfunc fmt() {}\n', ['fmt'])).toBe(true);
    expect(mayDeclareAny('package app\n\nvar (\n\tx = 1\n\tdomain = 2\n)\n', ['domain'])).toBe(true);
  });

  it('skips comments, strings, selectors and the package clause', () => {
    const text = 'package app\n\nimport "context" // the context\n\n/* context */\nvar _ = context.Background\nvar s = "context" + `context`\nvar r = x.\n\tcontext\n';
    expect(mayDeclareAny(text, ['context'])).toBe(false);
    expect(mayDeclareAny('package app_test\n', ['app'])).toBe(false);
    expect(mayDeclareAny('package app\n', ['app'])).toBe(false);
    expect(mayDeclareAny('package p\n\nvar s = "a\\"context"\nvar contexts = 1\n', ['context'])).toBe(false);
    expect(mayDeclareAny('package p\n\nvar s = "a // context" // it\'s the context\n', ['context'])).toBe(false);
    expect(mayDeclareAny('package p\n\n/* the\ncontext */\nvar s = `\n\tcontext\n`\n', ['context'])).toBe(false);
  });

  it('is not fooled by quotes in runes or multi-row constructs elsewhere', () => {
    expect(mayDeclareAny("package p\n\nvar r = '\"'; var context = 1\n", ['context'])).toBe(true);
    expect(mayDeclareAny('package p\n\nvar s = `raw`\n\nfunc context() {}\n', ['context'])).toBe(true);
  });
});

describe('PackageScope', () => {
  it('parses only the files that could clash, so 400 files of skeletons cost almost nothing', async () => {
    const parser = await loadGoParser();
    const dir = makeTempDir('scope-');
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const tree = new Tree(dir);
    for (let i = 0; i < 200; i++) {
      tree.write(`internal/app/use_case_${i}.go`, `package app\n\nimport (\n\t"context"\n\t"fmt"\n\t"strings"\n)\n\n// UseCase${i} checks the context.\nfunc UseCase${i}(ctx context.Context, s string) error {\n\tif strings.TrimSpace(s) == "" {\n\t\treturn fmt.Errorf("use case ${i}: %w", ctx.Err())\n\t}\n\treturn nil\n}\n`);
      tree.write(`internal/app/use_case_${i}_test.go`, `package app_test\n\nimport (\n\t"context"\n\t"errors"\n\t"testing"\n\n\t"example.com/x/internal/app"\n)\n\nfunc TestUseCase${i}(t *testing.T) {\n\tif err := app.UseCase${i}(context.Background(), " "); errors.Is(err, nil) {\n\t\tt.Log("the context is fine")\n\t}\n}\n`);
    }
    tree.write('internal/app/clash_test.go', 'package app_test\n\nvar errors = 1\n');
    const parse = vi.spyOn(parser, 'parse');
    const scope = new PackageScope(parser, tree);
    const app = scope.collisions({ dir: 'internal/app', pkg: 'app', declares: ['CreateInvoice'], imports: [{ name: 'context', path: 'context' }, { name: 'fmt', path: 'fmt' }], creates: ['internal/app/create_invoice.go'] });
    const appTest = scope.collisions({ dir: 'internal/app', pkg: 'app_test', declares: ['TestCreateInvoice'], imports: [{ name: 'errors', path: 'errors' }, { name: 'app', path: 'example.com/x/internal/app' }], creates: [] });
    expect(app).toEqual([]);
    expect(appTest).toEqual(['the new code imports "errors" as errors, which is declared in internal/app/clash_test.go']);
    expect(parse.mock.calls.length).toBe(1);
    parse.mockRestore();
  });
});
