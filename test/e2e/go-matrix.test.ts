import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { checkGoProject, goTool } from '../helpers/go.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * Option combinations generated for real and held to the bar of every generated project:
 * gofmt-clean as written, go vet, golangci-lint with the project's own config, go test -race.
 */
const MATRIX: { label: string; args: string[]; absent: string[]; present: string[] }[] = [
  {
    label: 'minimal',
    args: ['--datastore', 'memory', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none', '--no-example'],
    absent: ['prometheus', 'opentelemetry', 'go.uber.org/zap'],
    present: [],
  },
  { label: 'default', args: [], absent: ['go.uber.org/zap'], present: ['prometheus/client_golang', 'go.opentelemetry.io/otel/sdk'] },
  { label: 'zap', args: ['--logger', 'zap'], absent: [], present: ['go.uber.org/zap'] },
  {
    label: 'zap, metrics without tracing, no example',
    args: ['--logger', 'zap', '--tracing', 'none', '--no-example', '--deploy', 'docker'],
    absent: ['opentelemetry'],
    present: ['prometheus/client_golang', 'go.uber.org/zap'],
  },
];

describe.each(MATRIX)('generated Go service: $label', ({ args, absent, present }) => {
  it('is gofmt-clean as written, then passes go vet, golangci-lint and go test -race', async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install', ...args], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.stderr).not.toMatch(/error|warn/i);
    const root = path.join(cwd, 'orders');
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');

    await goTool(root, 'go', ['mod', 'tidy']);
    const goMod = fs.readFileSync(path.join(root, 'go.mod'), 'utf8');
    for (const module of absent) expect(goMod).not.toContain(module);
    for (const module of present) expect(goMod).toContain(module);

    const { testOutput } = await checkGoProject(root);
    expect(testOutput).toMatch(/^ok\s+example\.com\/orders\/cmd\/orders/m);
    expect(testOutput).not.toMatch(/^FAIL/m);
  });
});
