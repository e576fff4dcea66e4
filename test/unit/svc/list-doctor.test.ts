import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svcDoctorAction } from '../../../src/cli/svc-doctor-action.js';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import { exitCodeOf } from '../../../src/errors.js';
import { addPortOperation } from '../../../src/targets/go/add/port.js';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { compareGoVersions, goDirective } from '../../../src/targets/go/inspect/doctor.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { captureOutput, makeService, read, runAdd, write } from './fixture.js';

async function list(root: string, json: boolean) {
  const { out, text } = captureOutput(json);
  const code = await svcListAction(root, out);
  return { code, ...text() };
}

/** `tidied`: as after create's `go mod tidy`, which writes go.sum (the fixture runs no go). */
async function doctor(root: string, goVersion: string | null = 'go1.26.8', { tidied = true } = {}) {
  if (tidied && !fs.existsSync(path.join(root, 'go.sum'))) write(root, 'go.sum', '');
  const { out, text } = captureOutput(true);
  const code = await svcDoctorAction(root, out, async () => goVersion);
  const { stdout } = text();
  return { code, report: JSON.parse(stdout) as { healthy: boolean; checks: { name: string; ok: boolean; detail: string }[]; modified: string[]; violations: { file: string; imports: string }[] } };
}

describe('svc list', () => {
  it('reads use cases, ports, adapters and the wiring from the code', async () => {
    const root = await makeService();
    expect((await runAdd(root, addPortOperation('PaymentGateway', { methods: ['Charge(ctx context.Context, amount int64) error'] }))).code).toBe(0);
    expect((await runAdd(root, addUsecaseOperation('CreateInvoice', { uses: 'Orders,PaymentGateway', http: 'POST /v1/invoices' }))).code).toBe(0);
    const { code, stdout } = await list(root, true);
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as { useCases: unknown[]; ports: unknown[]; adapters: unknown[] };
    expect(found.useCases).toContainEqual({ name: 'CreateInvoice', ports: ['Orders', 'PaymentGateway'], routes: ['POST /v1/invoices'] });
    expect(found.useCases).toContainEqual({ name: 'CreateOrder', ports: ['Orders', 'Clock', 'IDs', 'Events', 'Tx'], routes: ['POST /v1/orders'] });
    expect(found.ports).toContainEqual({
      name: 'PaymentGateway',
      type: 'port.PaymentGateway',
      interface: 'PaymentGateway',
      file: 'internal/port/payment_gateway.go',
      methods: ['Charge'],
      adapter: 'memory.NewPaymentGateway()',
      adapterPackage: 'example.com/orders/internal/adapter/memory',
      servedBy: ['memory'],
    });
    expect(found.adapters).toContainEqual({ name: 'memory', path: 'internal/adapter/memory', direction: 'outbound', serves: ['Orders', 'Events', 'Tx', 'PaymentGateway'] });
    expect(found.adapters).toContainEqual(expect.objectContaining({ name: 'http', direction: 'inbound', serves: expect.arrayContaining(['POST /v1/invoices']) }));
  });

  it('prints a table for people', async () => {
    const { code, stdout } = await list(await makeService(), false);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Use cases \(2\)\n {2}CreateOrder +uses Orders, Clock, IDs, Events, Tx +POST \/v1\/orders\n/);
    expect(stdout).toMatch(/ {2}Orders +port\.OrderRepository +<- memory\.NewOrderRepository\(\)\n/);
  });

  it('outside a service exits 2', async () => {
    const error = await list(makeTempDir('svc-outside-'), false).catch((caught: unknown) => caught);
    expect(exitCodeOf(error)).toBe(2);
  });
});

describe('svc doctor', () => {
  it('a fresh service is healthy', async () => {
    const { code, report } = await doctor(await makeService());
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(code).toBe(0);
    expect(report.modified).toEqual([]);
  });

  it('lists generated files changed by hand, without failing', async () => {
    const root = await makeService();
    write(root, 'internal/domain/order.go', `${read(root, 'internal/domain/order.go')}\n// tweaked\n`);
    const { code, report } = await doctor(root);
    expect(code).toBe(0);
    expect(report.modified).toEqual(['internal/domain/order.go']);
  });

  it('fails on an import that breaks the layout rules', async () => {
    const root = await makeService();
    write(root, 'internal/domain/leak.go', 'package domain\n\nimport _ "example.com/orders/internal/app"\n');
    write(root, 'internal/app/leak.go', 'package app\n\nimport _ "example.com/orders/internal/adapter/memory"\n');
    write(root, 'internal/port/leak.go', 'package port\n\nimport _ "example.com/orders/internal/platform/config"\n');
    const { code, report } = await doctor(root);
    expect(code).toBe(1);
    expect(report.violations.map((v) => `${v.file} -> ${v.imports}`)).toEqual([
      'internal/app/leak.go -> example.com/orders/internal/adapter/memory',
      'internal/domain/leak.go -> example.com/orders/internal/app',
      'internal/port/leak.go -> example.com/orders/internal/platform/config',
    ]);
  });

  it('fails when an adapter is imported outside bootstrap and cmd', async () => {
    const root = await makeService();
    write(root, 'internal/adapter/http/leak.go', 'package httpadapter\n\nimport _ "example.com/orders/internal/adapter/memory"\n');
    const { code, report } = await doctor(root);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ file: 'internal/adapter/http/leak.go' })]);
  });

  it('fails on a Go older than go.mod wants, or none', async () => {
    const root = await makeService();
    expect((await doctor(root, 'go1.22.1')).code).toBe(1);
    expect((await doctor(root, null)).report.checks.find((check) => check.name === 'go toolchain')?.detail).toContain('not installed');
  });

  it('fails without go.sum (create without Go) and says how to get it', async () => {
    const { code, report } = await doctor(await makeService(), null, { tidied: false });
    expect(code).toBe(1);
    expect(report.checks.find((check) => check.name === 'go.sum')).toMatchObject({ ok: false, detail: expect.stringContaining('go mod tidy') });
    expect(report.checks.find((check) => check.name === 'go toolchain')).toMatchObject({ ok: false, detail: expect.stringContaining('not installed') });
  });

  it('fails on a damaged manifest', async () => {
    const root = await makeService();
    const manifest = JSON.parse(read(root, 'svc.json')) as Record<string, unknown>;
    write(root, 'svc.json', JSON.stringify({ ...manifest, files: { 'go.mod': 'md5:x' } }));
    const { code, report } = await doctor(root);
    expect(code).toBe(1);
    expect(report.checks[0]).toMatchObject({ name: 'manifest', ok: false });
    write(root, 'svc.json', '{ not json');
    expect((await doctor(root)).code).toBe(1);
  });

  it('compares Go versions and reads the go directive', () => {
    expect(compareGoVersions('go1.26.8', '1.26.0')).toBeGreaterThan(0);
    expect(compareGoVersions('go1.26', '1.26.0')).toBe(0);
    expect(compareGoVersions('go1.25.9', '1.26.0')).toBeLessThan(0);
    expect(goDirective('module x\n\ngo 1.26.0\n\nrequire y v1\n')).toBe('1.26.0');
    expect(goDirective('module x\n')).toBeNull();
  });
});
