import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { checkGoProject, goTool } from '../helpers/go.js';
import { svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * A service grown with `svc add port PaymentGateway --method …` and `svc add adapter http --for
 * PaymentGateway`, in two option sets, held to the bar of every generated project: gofmt, go vet,
 * golangci-lint with its own .golangci.yml, go test -race (the fault-injecting tests of
 * internal/platform/outbound under goleak among them); then switched back with `svc add adapter
 * memory --for PaymentGateway`, and built again.
 */
const METHODS = [
  'Charge(ctx context.Context, customerID string, amountCents int64) (string, error)',
  'Refund(ctx context.Context, chargeID string) error',
  'Quote(ctx context.Context, id string, items ...string) (int64, time.Duration, error)',
];

/** Tests of the outbound package that must have run and passed. */
const OUTBOUND_TESTS = [
  'TestBurstOfServerErrorsOpensTheBreakerAndAProbeClosesIt',
  'TestSlowUpstreamHitsTheAttemptTimeout',
  'TestTooManyRequestsIsRetriedAfterRetryAfter',
  'TestResetConnectionIsRetriedOnlyWhenSafe',
  'TestFullBulkheadRejectsAtOnce',
  'TestRetryBudgetStopsRetriesDuringAnOutage',
  'TestPaymentGatewayCallsEachRoute',
  'TestPaymentGatewayUpstreamFailureIsUnavailable',
];

async function grown(options: readonly string[], adapterFlags: readonly string[] = []): Promise<string> {
  const cwd = makeTempDir('outbound-http-');
  const created = await runCli('create-service', ['payments', '--yes', '--no-git', '--no-install', ...options], { cwd });
  expect(created.exitCode, created.stderr).toBe(0);
  const root = path.join(cwd, 'payments');
  const port = await svc(root, 'add', 'port', 'PaymentGateway', ...METHODS.flatMap((method) => ['--method', method]));
  expect(port.exitCode, port.stdout + port.stderr).toBe(0);
  const adapter = await svc(root, 'add', 'adapter', 'http', '--for', 'PaymentGateway', ...adapterFlags);
  expect(adapter.exitCode, adapter.stdout + adapter.stderr).toBe(0);
  return root;
}

describe.each([
  { label: 'slog + prometheus + otel', options: ['--logger', 'slog', '--metrics', 'prometheus', '--tracing', 'otel'], flags: [] as string[] },
  { label: 'zap + no metrics + no tracing', options: ['--logger', 'zap', '--metrics', 'none', '--tracing', 'none'], flags: ['--base-url-env', 'PAYMENTS_URL'] },
])('svc add adapter http --for PaymentGateway ($label)', ({ options, flags }) => {
  it('passes gofmt, go vet, golangci-lint and go test -race; a re-run writes nothing; memory --for switches back and builds', async () => {
    const root = await grown(options, flags);
    await checkGoProject(root);
    const verbose = await goTool(root, 'go', ['test', '-race', '-count=1', '-v', './internal/platform/outbound/', './internal/adapter/httpclient/']);
    for (const name of OUTBOUND_TESTS) expect(verbose, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    expect(verbose).not.toMatch(/^(--- )?FAIL/m);

    const before = snapshot(root);
    const again = await svc(root, 'add', 'adapter', 'http', '--for', 'PaymentGateway', ...flags);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);

    const back = await svc(root, 'add', 'adapter', 'memory', '--for', 'PaymentGateway');
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8')).toContain('PaymentGateway: memory.NewPaymentGateway(),');
    await goTool(root, 'go', ['build', './...']);
    await goTool(root, 'go', ['vet', './...']);
  });
});
