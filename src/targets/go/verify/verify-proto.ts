import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Change } from '../../../tree/change.js';
import type { VerifyOutcome } from '../../../verify/verifier.js';
import { runTool } from './run-tool.js';

/** buf, as the service pins it (docs/grpc.md): a module of its own, run from the service root. */
export const BUF_MODFILE = 'tools/buf/go.mod';
export const BUF_COMMAND = ['tool', `-modfile=${BUF_MODFILE}`, 'buf'] as const;

export interface ProtoVerification {
  outcome: VerifyOutcome;
  /** The Go code buf generates from the changed .proto files, as changes for the Go verification. */
  generated: Change[];
}

/**
 * Proves that the changed .proto files build and pass the service's lint rules, and generates the
 * Go code the change's Go files need, all in a scratch copy of the buf module (buf.yaml and the
 * proto root with the changes in place): `buf build`, `buf lint`, then `buf generate` with the
 * service's buf.gen.yaml into the scratch dir. The service's own files are never written.
 */
export async function verifyProto(serviceRoot: string, protoRoot: string, changes: readonly Change[], env: NodeJS.ProcessEnv = process.env): Promise<ProtoVerification> {
  const root = await fs.realpath(serviceRoot);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'create-service-proto-'));
  try {
    const module = path.join(dir, 'module');
    await copyTree(root, protoRoot, module);
    await fs.copyFile(path.join(root, 'buf.yaml'), path.join(module, 'buf.yaml'));
    for (const change of changes) {
      if (change.path !== 'buf.yaml' && !change.path.startsWith(`${protoRoot}/`)) continue;
      await fs.mkdir(path.dirname(path.join(module, change.path)), { recursive: true });
      await fs.writeFile(path.join(module, change.path), change.content);
    }
    const buf = (args: readonly string[]) => runTool('go', [...BUF_COMMAND, ...args], root, { ...env, PWD: root });
    const messages = (text: string) => text.split(`${module}${path.sep}`).join('').split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');
    const built = await buf(['build', module]);
    if (built.missing) return { outcome: { status: 'skipped', reason: 'go not found on PATH: the .proto change was not checked with buf' }, generated: [] };
    if (built.code !== 0) return { outcome: { status: 'failed', messages: messages(`${built.stderr}\n${built.stdout}`) }, generated: [] };
    const linted = await buf(['lint', module]);
    if (linted.code !== 0) return { outcome: { status: 'failed', messages: messages(`${linted.stdout}\n${linted.stderr}`), hint: 'the .proto breaks the rules of buf.yaml: change what the messages point at and run the command again' }, generated: [] };
    const out = path.join(dir, 'out');
    const generatedRun = await buf(['generate', module, '--template', path.join(root, 'buf.gen.yaml'), '--output', out]);
    if (generatedRun.code !== 0) return { outcome: { status: 'failed', messages: messages(`${generatedRun.stderr}\n${generatedRun.stdout}`) }, generated: [] };
    return { outcome: { status: 'ok' }, generated: await readGenerated(root, out) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function copyTree(root: string, relative: string, into: string): Promise<void> {
  const from = path.join(root, relative);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(from, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) await copyTree(root, child, into);
    else if (entry.isFile()) {
      await fs.mkdir(path.join(into, relative), { recursive: true });
      await fs.copyFile(path.join(root, child), path.join(into, child));
    }
  }
}

/** Every file buf wrote, as a change to the service's file of the same path. */
async function readGenerated(root: string, out: string): Promise<Change[]> {
  const files = (await fs.readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const changes: Change[] = [];
  for (const entry of files) {
    const absolute = path.join(entry.parentPath, entry.name);
    const file = path.relative(out, absolute).split(path.sep).join('/');
    const content = await fs.readFile(absolute, 'utf8');
    const before = await fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
    changes.push(before === undefined ? { kind: 'create', path: file, content } : { kind: 'update', path: file, content, before });
  }
  return changes;
}
