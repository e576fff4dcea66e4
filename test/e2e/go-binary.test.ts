import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO_DIRECTIVE } from '../../src/targets/go/go-modules.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { startService, type RunningService } from '../helpers/service-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** The generated binary, started as an operator would run it, on the everything-on default. */
describe('generated service binary (default options)', () => {
  let root: string;
  let binary: string;
  let service: RunningService;

  beforeAll(async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    root = path.join(cwd, 'orders');
    binary = path.join(root, 'bin', 'orders');
    await goTool(root, 'go', ['build', '-o', binary, './cmd/orders']);
    service = await startService(binary, { SHUTDOWN_DRAIN_DELAY: '400ms', SHUTDOWN_TIMEOUT: '10s' });
  });

  afterAll(() => {
    service?.child.kill('SIGKILL');
  });

  it('declares the oldest Go its modules need, and says the same Go everywhere', async () => {
    // Every module a package (or test) of the service is built from, with its own `go` directive.
    const listed = await goTool(root, 'go', ['list', '-deps', '-test', '-f', '{{with .Module}}{{.Path}} {{.GoVersion}}{{end}}', './...']);
    const needs = new Map(listed.split('\n').filter((line) => line.includes(' ')).map((line) => line.split(' ') as [string, string]));
    needs.delete('example.com/orders');
    const newest = [...needs.values()].reduce((a, b) => (compareGo(a, b) >= 0 ? a : b));
    expect(newest, 'the floor is what the pinned modules require, no more and no less').toBe(GO_DIRECTIVE);
    const minor = GO_DIRECTIVE.split('.').slice(0, 2).join('.');
    expect(fs.readFileSync(path.join(root, 'go.mod'), 'utf8')).toContain(`\ngo ${GO_DIRECTIVE}\n`);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`Requires Go ${GO_DIRECTIVE} or later.`);
    expect(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toContain(`golang:${minor}`);
    expect(fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toContain('go-version-file: go.mod');
    expect(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain(`Go ≥ ${minor}`);
  });

  it('answers /healthz and /readyz with 200', async () => {
    expect((await fetch(`${service.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${service.baseUrl}/readyz`)).status).toBe(200);
  });

  // The exposition format itself is linted in-process by the service's own tests (testutil.GatherAndLint).
  it('serves /metrics with RED and Go runtime metrics', async () => {
    await fetch(`${service.baseUrl}/v1/orders/does-not-exist`);
    const response = await fetch(`${service.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/^go_goroutines /m);
    // Labelled by the route pattern, never the raw path: bounded cardinality.
    expect(body).toMatch(/^http_requests_total\{code="404",method="GET",route="\/v1\/orders\/\{id\}"\} 1$/m);
    expect(body).not.toContain('does-not-exist');
  });

  it('on SIGTERM turns unready, completes a slow in-flight upload, and exits 0 within its bound', async () => {
    const body = JSON.stringify({ customer_id: 'c-1', items: [{ sku: 'SKU-1', quantity: 2, unit_price: 1250 }] });
    const half = Math.floor(body.length / 2);
    const url = new URL(service.baseUrl);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const response = new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    socket.write(
      `POST /v1/orders HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
    );
    await sleep(200);

    const signalledAt = performance.now();
    service.child.kill('SIGTERM');
    await sleep(150);
    expect((await fetch(`${service.baseUrl}/readyz`)).status).toBe(503);

    socket.write(body.slice(half));
    expect(await response).toMatch(/^HTTP\/1\.1 201 Created\r\n/);

    const { code, signal } = await service.exited;
    const seconds = (performance.now() - signalledAt) / 1000;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(10);
    expect(service.logs.join('\n')).toMatch(/shut/i);
  });
});

/** Orders Go versions such as 1.25.0, 1.26 and 1.26.0 numerically. */
function compareGo(a: string, b: string): number {
  const [x = [], y = []] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
