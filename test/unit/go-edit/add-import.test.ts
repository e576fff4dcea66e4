import { beforeAll, describe, expect, it } from 'vitest';
import { EditConflictError, GoParseError, InvalidSnippetError, addImport } from '../../../src/targets/go/edit/index.js';
import type { AddImportArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/bootstrap/bootstrap.go';
const add = (text: string, args: AddImportArgs) => addImport(parser, { file, text }, args);
const body = ['', 'var _ = 1'];

describe('addImport', () => {
  it('inserts into the standard-library group in sorted position', () => {
    const result = add(go('package b', '', 'import (', '\t"context"', '\t"net/http"', ')', ...body), { path: 'fmt' });
    expect(result.changed).toBe(true);
    expect(result.text).toBe(go('package b', '', 'import (', '\t"context"', '\t"fmt"', '\t"net/http"', ')', ...body));
    expectGofmtClean(result.text);
    expectParsesClean(parser, result.text);
  });

  it('is idempotent', () => {
    const once = add(go('package b', '', 'import (', '\t"context"', ')', ...body), { path: 'fmt' }).text;
    expect(add(once, { path: 'fmt' })).toMatchObject({ changed: false, text: once });
  });

  it('puts third-party and module-local imports into their own groups (goimports layout)', () => {
    const before = go(
      'package b',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/prometheus/client_golang/prometheus"',
      '',
      '\t"example.com/orders/internal/app"',
      ')',
      ...body,
    );
    const thirdParty = add(before, { path: 'github.com/jackc/pgx/v5' });
    expect(thirdParty.text).toBe(
      go(
        'package b',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/jackc/pgx/v5"',
        '\t"github.com/prometheus/client_golang/prometheus"',
        '',
        '\t"example.com/orders/internal/app"',
        ')',
        ...body,
      ),
    );
    const local = add(before, { path: 'example.com/orders/internal/adapter/postgres' });
    expect(local.text).toBe(
      go(
        'package b',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/prometheus/client_golang/prometheus"',
        '',
        '\t"example.com/orders/internal/adapter/postgres"',
        '\t"example.com/orders/internal/app"',
        ')',
        ...body,
      ),
    );
    expectGofmtClean(thirdParty.text);
    expectGofmtClean(local.text);
  });

  it('starts a new group when none holds imports of that kind', () => {
    const onlyStd = go('package b', '', 'import (', '\t"context"', ')', ...body);
    expect(add(onlyStd, { path: 'github.com/a/b' }).text).toBe(go('package b', '', 'import (', '\t"context"', '', '\t"github.com/a/b"', ')', ...body));
    const onlyThirdParty = go('package b', '', 'import (', '\t"github.com/a/b"', ')', ...body);
    expect(add(onlyThirdParty, { path: 'os' }).text).toBe(go('package b', '', 'import (', '\t"os"', '', '\t"github.com/a/b"', ')', ...body));
  });

  it('turns a single import into a group, standard library first', () => {
    const same = add(go('package b', '', 'import "os"', ...body), { path: 'fmt' });
    expect(same.text).toBe(go('package b', '', 'import (', '\t"fmt"', '\t"os"', ')', ...body));
    expectGofmtClean(same.text);
    const mixed = add(go('package b', '', 'import "github.com/a/b"', ...body), { path: 'fmt' });
    expect(mixed.text).toBe(go('package b', '', 'import (', '\t"fmt"', '', '\t"github.com/a/b"', ')', ...body));
    expectGofmtClean(mixed.text);
  });

  it('keeps the doc comment and the trailing comment of a single import', () => {
    const result = add(go('package b', '', '// imports', 'import "os" // for Exit', ...body), { path: 'fmt' });
    expect(result.text).toBe(go('package b', '', '// imports', 'import (', '\t"fmt"', '\t"os" // for Exit', ')', ...body));
    expectGofmtClean(result.text);
  });

  it('adds an import declaration after the package clause when there are none', () => {
    expect(add(go('package b', '', 'var _ = 1'), { path: 'fmt' }).text).toBe(go('package b', '', 'import "fmt"', '', 'var _ = 1'));
    expect(add(go('package b // main package'), { path: 'fmt' }).text).toBe(go('package b // main package', '', 'import "fmt"'));
    const tight = add(go('package b', 'var _ = 1'), { path: 'fmt' });
    expect(tight.text).toBe(go('package b', '', 'import "fmt"', '', 'var _ = 1'));
    expectGofmtClean(tight.text);
  });

  it('recognises aliased, dot and blank imports, and adds a named import beside a blank one', () => {
    const before = go('package b', '', 'import (', '\t. "fmt"', '', '\tpg "github.com/jackc/pgx/v5"', '\t_ "github.com/lib/pq"', ')', ...body);
    expect(add(before, { path: 'fmt', alias: '.' }).changed).toBe(false);
    expect(add(before, { path: 'github.com/lib/pq', alias: '_' }).changed).toBe(false);
    expect(add(before, { path: 'github.com/jackc/pgx/v5', alias: 'pg' }).changed).toBe(false);
    const named = add(before, { path: 'github.com/lib/pq', alias: 'pq' });
    expect(named.text).toBe(
      go('package b', '', 'import (', '\t. "fmt"', '', '\tpg "github.com/jackc/pgx/v5"', '\t_ "github.com/lib/pq"', '\tpq "github.com/lib/pq"', ')', ...body),
    );
    expectGofmtClean(named.text);
  });

  it('adds an aliased import', () => {
    const result = add(go('package b', '', 'import (', '\t"context"', ')', ...body), { path: 'go.opentelemetry.io/otel/sdk/trace', alias: 'sdktrace' });
    expect(result.text).toBe(go('package b', '', 'import (', '\t"context"', '', '\tsdktrace "go.opentelemetry.io/otel/sdk/trace"', ')', ...body));
    expectGofmtClean(result.text);
  });

  it('refuses to import a path a second time under another name', () => {
    const error = thrown(EditConflictError, () => add(go('package b', '', 'import (', '\tf "fmt"', ')', ...body), { path: 'fmt' }));
    expect(error.message).toContain('already imported as f');
    expect(error.exitCode).toBe(1);
  });

  it('keeps comments attached to the spec it goes before, and realigns trailing comments', () => {
    const before = go('package b', '', 'import (', '\t"context" // ctx', '\t// logging', '\t"log/slog" // logs', ')', ...body);
    const result = add(before, { path: 'fmt' });
    expect(result.text).toBe(go('package b', '', 'import (', '\t"context" // ctx', '\t"fmt"', '\t// logging', '\t"log/slog" // logs', ')', ...body));
    expectGofmtClean(result.text);
  });

  it('leaves a cgo import "C" and its preamble alone', () => {
    const before = go('package b', '', '// #include <stdio.h>', 'import "C"', ...body);
    const result = add(before, { path: 'fmt' });
    expect(result.text).toBe(go('package b', '', '// #include <stdio.h>', 'import "C"', '', 'import "fmt"', ...body));
    expectGofmtClean(result.text);
  });

  it('adds a declaration after several single imports rather than guessing which to convert', () => {
    const result = add(go('package b', '', 'import "fmt"', 'import "os"', ...body), { path: 'errors' });
    expect(result.text).toBe(go('package b', '', 'import "fmt"', 'import "os"', 'import "errors"', ...body));
    expectGofmtClean(result.text);
  });

  it('fills an empty import () and expands a one-line group', () => {
    const empty = add(go('package b', '', 'import ()', ...body), { path: 'fmt' });
    expect(empty.text).toBe(go('package b', '', 'import (', '\t"fmt"', ')', ...body));
    const oneLine = add(go('package b', '', 'import ("os")', ...body), { path: 'fmt' });
    expect(oneLine.text).toBe(go('package b', '', 'import (', '\t"fmt"', '\t"os"', ')', ...body));
    expectGofmtClean(oneLine.text);
  });

  it('refuses invalid paths and aliases, and unparsable files', () => {
    thrown(InvalidSnippetError, () => add(go('package b'), { path: 'a b' }));
    thrown(InvalidSnippetError, () => add(go('package b'), { path: 'a"b' }));
    thrown(InvalidSnippetError, () => add(go('package b'), { path: '' }));
    thrown(InvalidSnippetError, () => add(go('package b'), { path: 'fmt', alias: 'func' }));
    const error = thrown(GoParseError, () => add(go('package b', '', 'import (', '\t"fmt"'), { path: 'os' }));
    expect(error.line).toBeGreaterThan(0);
  });
});
