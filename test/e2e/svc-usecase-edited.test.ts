import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { checkGoProject, goTool } from '../helpers/go.js';
import {
  dropNotImplemented,
  handWrittenRefund,
  renameErrorTable,
  renamePortsParameter,
  renameRoutesParameters,
  routesLocal,
  ungroupDomainErrors,
  userFile,
} from '../helpers/go-hand-edits.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function createService(name: string, flags: readonly string[] = []): Promise<string> {
  const cwd = makeTempDir('svc-edited-');
  made.push(cwd);
  const created = await runCli('create-service', [name, '--yes', '--no-git', ...flags], { cwd });
  expect(created.exitCode, created.stderr).toBe(0);
  return path.join(cwd, name);
}

/** One `svc …` and the exit code it must give; a refusal must leave every file byte-identical. */
type Step = [args: string[], exit: number, output?: RegExp];

async function run(root: string, steps: readonly Step[]): Promise<void> {
  for (const [args, exit, output] of steps) {
    const before = snapshot(root);
    const result = await runCli('svc', args, { cwd: root });
    const shown = `svc ${args.join(' ')}\n${result.stdout}\n${result.stderr}`;
    expect(result.exitCode, shown).toBe(exit);
    if (output !== undefined) expect(`${result.stdout}\n${result.stderr}`, shown).toMatch(output);
    if (exit !== 0) expect(snapshot(root), shown).toEqual(before);
  }
}

const usecase = (name: string, ...flags: string[]): string[] => ['add', 'usecase', name, ...flags];

describe('svc add usecase / port on hand-edited services', () => {
  it('the sample service with renamed names, an old error table and its own use case', async () => {
    const root = await createService('orders');
    routesLocal(root, 'invoices');
    renameRoutesParameters(root, 'example.com/orders');
    renamePortsParameter(root);
    dropNotImplemented(root, 'example.com/orders');
    handWrittenRefund(root, 'example.com/orders');
    userFile(root, 'internal/adapter/http/export.go', 'package httpadapter\n\nimport report "encoding/json"\n\n// exportable reports whether b is a JSON document.\nfunc exportable(b []byte) bool { return report.Valid(b) }\n\nvar _ = exportable\n');
    await checkGoProject(root);

    await run(root, [
      [usecase('Order', '--http', 'GET /v1/order-summary'), 2, /e\.g\. svc add usecase OrderV2 --http "GET \/v1\/order-summary"/],
      [usecase('OrderV2', '--http', 'GET /v1/order-summary'), 0],
      ...['Middleware', 'Problem', 'DecodeJSON', 'Metrics', 'Health', 'Domain', 'Http', 'Logger', 'Invoices', 'Report'].map((name): Step => [usecase(name, '--http', `GET /v1/x-${name.toLowerCase()}`), 2]),
      [usecase('App'), 2],
      [usecase('Ports'), 2],
      // routes calls its logger `logger` here: `log` is free, `logger` is not.
      [usecase('Log', '--http', 'GET /v1/logs'), 0],
      [usecase('Handle', '--http', 'GET /v1/handles'), 0],
      [usecase('Config', '--http', 'GET /v1/configs'), 0],
      [usecase('RefundOrder', '--uses', 'Orders', '--http', 'POST /v1/orders/{id}/refund'), 0],
      [usecase('ReplaceItem', '--http', 'PUT /v1/orders/{order_id}/items/{sku}'), 0],
      [usecase('RenameItem', '--http', 'PATCH /v1/orders/{order_id}/items/{sku}'), 0],
      [usecase('GetItem', '--http', 'GET /v1/orders/{order_id}/items/{sku}'), 0],
      [usecase('DeleteItem', '--http', 'DELETE /v1/orders/{order_id}/items/{sku}'), 0],
      [usecase('ListThings', '--http', 'GET /v1/things'), 0],
      [usecase('CreateThing', '--http', 'POST /v1/things'), 0],
      [usecase('GetFile', '--http', 'GET /v1/files/{path...}'), 0],
      [usecase('Ping'), 0],
      [usecase('Ping', '--http', 'POST /v1/ping'), 0],
      [usecase('Refund', '--http', 'POST /v1/orders/{id}/refunds'), 0],
      [usecase('Refund', '--http', 'POST /v1/orders/{id}/refunds'), 0, /nothing to do/],
      [usecase('Refund', '--http', 'GET /v1/refunds/{id}'), 2],
      [usecase('CreateOrder', '--http', 'POST /v1/x'), 2, /already served at POST \/v1\/orders/],
      [['add', 'port', 'Lookup', '--method', 'Find(ctx context.Context, id string) (domain.Order, error)'], 0],
      [['add', 'port', 'Lookup', '--method', 'Find(ctx context.Context, key string) (domain.Order, error)'], 0, /nothing to do/],
      [['add', 'port', 'Lookup', '--method', 'Find(ctx context.Context, id int) (domain.Order, error)'], 2, /it has: {4}Find\(ctx context\.Context, id string\)/],
      [['add', 'port', 'Audit'], 2, /at least one method/],
      [usecase('FindOrder', '--uses', 'Lookup', '--http', 'GET /v1/lookups/{id}'), 0],
    ]);

    const errors = fs.readFileSync(path.join(root, 'internal/domain/errors.go'), 'utf8');
    expect(errors).toContain('\tErrNotImplemented = errors.New("not implemented")\n)');
    expect(fs.readFileSync(path.join(root, 'internal/adapter/http/router.go'), 'utf8')).toContain('\tmux2.Handle("POST /v1/orders/{id}/refund", refundOrder(logger, application.RefundOrder))\n');
    await checkGoProject(root);
    // The 501 answers are tested, and pass.
    const verbose = await goTool(root, 'go', ['test', '-count=1', '-v', '-run', 'TestRefundOrder|TestGetFile|TestRefund$', './internal/adapter/http/', './internal/app/']);
    expect(verbose).toContain('--- PASS: TestRefundOrder/answers_501_until_RefundOrder_is_implemented');
    expect(verbose).toContain('--- PASS: TestRefundOrder/rejects_a_blank_id');
    expect(verbose).toContain('--- PASS: TestGetFile/rejects_a_blank_path');
    expect(verbose).toContain('--- PASS: TestRefundOrder/fails_with_ErrNotImplemented_until_it_is_implemented');
    expect(verbose).toContain('--- PASS: TestRefund/registers_POST_/v1/orders/{id}/refunds');
  });

  it('a bare service whose domain errors and error table were restructured', async () => {
    const root = await createService('bare', ['--no-example', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none']);
    dropNotImplemented(root, 'example.com/bare');
    ungroupDomainErrors(root);
    renameErrorTable(root);
    await checkGoProject(root);

    await run(root, [
      [usecase('Ping', '--http', 'POST /v1/ping'), 1, /statusByKind|errorStatuses/],
      [usecase('Ping'), 0],
      [usecase('Ping', '--http', 'POST /v1/ping'), 1],
    ]);
    // The user adds the lines the refusal printed, to the table as it is now named.
    const problemFile = path.join(root, 'internal/adapter/http/problem.go');
    const problem = fs.readFileSync(problemFile, 'utf8');
    fs.writeFileSync(
      problemFile,
      problem
        .replace('\t{domain.ErrConflict, http.StatusConflict},\n', '\t{domain.ErrConflict, http.StatusConflict},\n\t{domain.ErrNotImplemented, http.StatusNotImplemented},\n')
        .replace(/(\thttp\.StatusInternalServerError: [^\n]*\n)/, '$1\thttp.StatusNotImplemented:      "The operation is not implemented yet.",\n'),
    );
    await run(root, [
      [usecase('Ping', '--http', 'POST /v1/ping'), 0],
      [['add', 'port', 'Payments', '--method', 'Charge(ctx context.Context, amount int64) (string, error)'], 0],
      [['add', 'port', 'Payments', '--method', 'Charge(ctx  context.Context, cents int64) (ref string, err error)'], 0, /nothing to do/],
      [usecase('Capture', '--uses', 'Payments', '--http', 'POST /v1/payments/{id}/capture'), 0],
      // Every file add port writes imports what it uses, whatever the signatures name.
      [
        [
          'add', 'port', 'Checks',
          '--method', 'Find(ctx context.Context, id string) ([]domain.FieldError, error)',
          '--method', 'Report(ctx context.Context, fields ...domain.FieldError) error',
          '--method', 'Since(ctx context.Context, at time.Time) (iter.Seq[string], error)',
          '--method', 'Lookup(context.Context, map[domain.FieldError]int) (int, error)',
          '--method', 'Now() time.Time',
        ],
        0,
      ],
      [usecase('Audit', '--uses', 'Checks,Payments'), 0],
    ]);
    expect(fs.readFileSync(path.join(root, 'internal/domain/errors.go'), 'utf8')).toContain('var ErrInvalid = errors.New("invalid")\n\n// ErrNotImplemented means');
    await checkGoProject(root);
  });
});
