import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { onPath, PACKAGE_ROOT } from '../../../src/cli/on-path.js';
import { goTarget } from '../../../src/targets/go/target.js';
import { reportNextSteps } from '../../../src/ui/create-report.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function nextSteps(grow: { example: boolean; svc: { onPath: boolean; packageRoot: string } }): string {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  reportNextSteps({ stdout, stderr: new PassThrough(), json: false }, 'orders', [], goTarget.nextSteps({ example: grow.example }), grow.svc);
  return text;
}

describe('create-service next steps', () => {
  it('names a real port in the svc add hint: the sample Orders, or a port it adds first', () => {
    expect(nextSteps({ example: true, svc: { onPath: true, packageRoot: '/x' } })).toContain('svc add usecase CancelOrder --uses Orders --http');
    const bare = nextSteps({ example: false, svc: { onPath: true, packageRoot: '/x' } });
    expect(bare.indexOf('svc add port PaymentGateway')).toBeGreaterThan(-1);
    expect(bare.indexOf('svc add usecase Charge --uses PaymentGateway')).toBeGreaterThan(bare.indexOf('svc add port PaymentGateway'));
  });

  it('says how to get svc when it is not on PATH, and only then', () => {
    expect(nextSteps({ example: true, svc: { onPath: false, packageRoot: '/opt/create-service' } })).toContain(
      'svc is not on PATH: run `npm link` once in /opt/create-service',
    );
    expect(nextSteps({ example: true, svc: { onPath: true, packageRoot: '/opt/create-service' } })).not.toContain('npm link');
  });
});

describe('onPath', () => {
  it('finds an executable in one of the PATH directories', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'svc'), '#!/bin/sh\n', { mode: 0o755 });
    expect(onPath('svc', ['/nonexistent', dir].join(path.delimiter))).toBe(true);
    expect(onPath('svc', '/nonexistent')).toBe(false);
  });

  it('points at the folder holding package.json and bin/svc.js', () => {
    expect(fs.existsSync(path.join(PACKAGE_ROOT, 'bin', 'svc.js'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).name).toBe('create-service');
  });
});
