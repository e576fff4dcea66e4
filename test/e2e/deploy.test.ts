import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { GO_TOOLS } from '../../src/targets/go/go-modules.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * The deployment files of generated projects (Dockerfile, .dockerignore, compose.yaml,
 * deploy/k8s, .github) checked offline by real parsers: test/tools/deployvalidate (BuildKit's
 * Dockerfile parser and linter, the compose-spec loader, strict k8s.io/api decoding and a
 * kustomize build, plus the production invariants), actionlint and yamllint. The second half
 * breaks one thing at a time in a good project and expects the tools to say so.
 */

const VALIDATOR_SOURCE = path.join(REPO_ROOT, 'test/tools/deployvalidate');
const YAMLLINT_CONFIG = path.join(VALIDATOR_SOURCE, 'yamllint.yml');
const GO_BIN = path.join(os.homedir(), 'go', 'bin');
const TOOL_PATH = `${GO_BIN}:/usr/local/go/bin:${process.env.PATH ?? ''}`;
const ALL_TARGETS = 'docker,compose,k8s,github-actions';

let validator = '';

beforeAll(async () => {
  // Built once per run; the first build downloads the k8s, kustomize, compose and BuildKit modules.
  validator = path.join(makeTempDir('deployvalidate-'), 'deployvalidate');
  const built = await execa('go', ['build', '-o', validator, '.'], {
    cwd: VALIDATOR_SOURCE,
    reject: false,
    all: true,
    env: { PATH: TOOL_PATH, GOFLAGS: '-mod=readonly -buildvcs=false' },
  });
  if (built.exitCode !== 0) throw new Error(`building deployvalidate failed:\n${built.all}`);
}, 900_000);

/** Generates a project with the real CLI, as a user would (no git, no go mod tidy). */
async function generate(args: string[]): Promise<string> {
  const cwd = makeTempDir();
  const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install', ...args], { cwd });
  expect(created.exitCode, created.stderr).toBe(0);
  return path.join(cwd, 'orders');
}

async function validate(root: string, flags: string[]) {
  const result = await execa(validator, ['-name', 'orders', ...flags, root], { reject: false, all: true });
  return { exitCode: result.exitCode, output: String(result.all ?? '') };
}

/** The deployment YAML of a project: the files this suite owns, not every YAML file in it. */
function deployYaml(root: string): string[] {
  const candidates = ['compose.yaml', '.github/dependabot.yml', '.github/workflows/ci.yml'].map((file) => path.join(root, file));
  const k8s = path.join(root, 'deploy/k8s');
  if (fs.existsSync(k8s)) candidates.push(...fs.readdirSync(k8s).map((file) => path.join(k8s, file)));
  return candidates.filter((file) => fs.existsSync(file));
}

async function yamllint(files: string[]) {
  const result = await execa('yamllint', ['--strict', '--format', 'parsable', '--config-file', YAMLLINT_CONFIG, ...files], {
    reject: false,
    all: true,
  });
  return { exitCode: result.exitCode, output: String(result.all ?? '') };
}

async function actionlint(root: string) {
  const result = await execa('actionlint', ['-no-color', '.github/workflows/ci.yml'], {
    cwd: root,
    reject: false,
    all: true,
    env: { PATH: TOOL_PATH },
  });
  return { exitCode: result.exitCode, output: String(result.all ?? '') };
}

const toolFlags = ['-golangci-lint', GO_TOOLS.golangciLint, '-govulncheck', GO_TOOLS.govulncheck];

const PROJECTS: { label: string; args: string[]; flags: string[]; files: string[]; absent: string[] }[] = [
  {
    label: 'default (every deploy target, metrics and tracing on)',
    args: [],
    flags: ['-metrics', '-tracing', '-deploy', ALL_TARGETS, ...toolFlags],
    files: ['Dockerfile', '.dockerignore', 'compose.yaml', 'deploy/k8s/kustomization.yaml', '.github/workflows/ci.yml'],
    absent: [],
  },
  {
    label: 'no metrics, no tracing, no example',
    args: ['--metrics', 'none', '--tracing', 'none', '--no-example'],
    flags: ['-deploy', ALL_TARGETS, ...toolFlags],
    files: ['Dockerfile', 'compose.yaml', 'deploy/k8s/deployment.yaml', '.github/workflows/ci.yml'],
    absent: [],
  },
  {
    label: 'docker and k8s only',
    args: ['--deploy', 'docker,k8s'],
    flags: ['-metrics', '-tracing', '-deploy', 'docker,k8s'],
    files: ['Dockerfile', 'deploy/k8s/deployment.yaml'],
    absent: ['compose.yaml', '.github'],
  },
  {
    label: 'github-actions only (CI without an image)',
    args: ['--deploy', 'github-actions', '--tracing', 'none'],
    flags: ['-metrics', '-deploy', 'github-actions', ...toolFlags],
    files: ['.github/workflows/ci.yml', '.github/dependabot.yml'],
    absent: ['Dockerfile', '.dockerignore', 'compose.yaml', 'deploy'],
  },
];

describe.each(PROJECTS)('deployment files: $label', ({ args, flags, files, absent }) => {
  const state = { root: '' };

  beforeAll(async () => {
    state.root = await generate(args);
  }, 120_000);

  it('has exactly the files of the chosen targets', () => {
    for (const file of files) expect(fs.existsSync(path.join(state.root, file)), file).toBe(true);
    for (const file of absent) expect(fs.existsSync(path.join(state.root, file)), file).toBe(false);
  });

  it('passes every deployvalidate check', async () => {
    const { exitCode, output } = await validate(state.root, flags);
    expect(output).toMatch(/^deployvalidate: \d+ checks, 0 failed$/m);
    expect(exitCode, output).toBe(0);
  });

  it('is clean for yamllint', async () => {
    const yamlFiles = deployYaml(state.root);
    expect(yamlFiles.length).toBeGreaterThan(0);
    const { exitCode, output } = await yamllint(yamlFiles);
    expect(output).toBe('');
    expect(exitCode).toBe(0);
  });

  if (files.includes('.github/workflows/ci.yml')) {
    it('is clean for actionlint (with shellcheck on its run steps when installed)', async () => {
      const { exitCode, output } = await actionlint(state.root);
      expect(output).toBe('');
      expect(exitCode).toBe(0);
    });
  }
});

/**
 * One defect at a time in a good project: each must be reported by the named check. A mutation
 * whose `from` text is no longer in the file fails loudly, so the list follows the templates.
 */
const MUTATIONS: { label: string; file: string; from: string | RegExp; to: string; reports: string | RegExp }[] = [
  {
    label: 'runtime image running as root',
    file: 'Dockerfile',
    from: 'USER 65532:65532',
    to: 'USER root',
    reports: /FAIL \[docker\] runtime runs as a numeric non-root user/,
  },
  {
    label: 'ENTRYPOINT in shell form',
    file: 'Dockerfile',
    from: 'ENTRYPOINT ["/usr/local/bin/orders"]',
    to: 'ENTRYPOINT /usr/local/bin/orders',
    reports: /FAIL \[docker\] BuildKit check JSONArgsRecommended/,
  },
  {
    label: 'keyword casing BuildKit warns about',
    file: 'Dockerfile',
    from: ' AS build',
    to: ' as build',
    reports: /FAIL \[docker\] BuildKit check FromAsCasing/,
  },
  {
    label: 'cgo left on',
    file: 'Dockerfile',
    from: 'CGO_ENABLED=0 ',
    to: '',
    reports: /FAIL \[docker\] go build runs with CGO_ENABLED=0/,
  },
  {
    label: 'sources copied before go mod download',
    file: 'Dockerfile',
    from: 'COPY go.mod go.sum ./',
    to: 'COPY . .',
    reports: /FAIL \[docker\] go.mod is copied on its own before the sources/,
  },
  {
    label: 'builder image drifting from the go directive',
    file: 'Dockerfile',
    from: /golang:[0-9.]+-bookworm/,
    to: 'golang:1.19-bookworm',
    reports: /FAIL \[docker\] build image Go 1\.19 matches the go directive/,
  },
  {
    label: 'a shell step in the distroless stage',
    file: 'Dockerfile',
    from: 'EXPOSE 8080',
    to: 'RUN mkdir /data\nEXPOSE 8080',
    reports: /FAIL \[docker\] runtime stage runs "mkdir \/data", but a distroless image has no shell/,
  },
  {
    label: '.dockerignore dropping the sources',
    file: '.dockerignore',
    from: '.git\n',
    to: '.git\ninternal\n',
    reports: /FAIL \[docker\] \.dockerignore keeps internal\/app\/app\.go in the build context/,
  },
  {
    label: '.dockerignore letting .env in',
    file: '.dockerignore',
    from: /^\.env$/m,
    to: '',
    reports: /FAIL \[docker\] \.dockerignore keeps \.env out of the build context/,
  },
  {
    label: 'a key the compose specification does not have',
    file: 'compose.yaml',
    from: '    restart: unless-stopped',
    to: '    restart_policy: unless-stopped',
    reports: /FAIL \[compose\] compose\.yaml loads and validates against the compose specification/,
  },
  {
    label: 'compose killing the service before it drained',
    file: 'compose.yaml',
    from: 'stop_grace_period: 30s',
    to: 'stop_grace_period: 10s',
    reports: /FAIL \[compose\] stop_grace_period 10s exceeds/,
  },
  {
    label: 'a curl healthcheck in a distroless container',
    file: 'compose.yaml',
    from: '    restart: unless-stopped',
    to: '    restart: unless-stopped\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost:8080/healthz"]',
    reports: /FAIL \[compose\] healthcheck .* needs no shell, curl or wget/,
  },
  {
    label: 'a YAML anchor in compose.yaml',
    file: 'compose.yaml',
    from: '    environment:',
    to: '    environment: &env',
    reports: /FAIL \[compose\] compose\.yaml uses no anchors, aliases or merge keys/,
  },
  {
    label: 'an unknown field in the Deployment',
    file: 'deploy/k8s/deployment.yaml',
    from: '  revisionHistoryLimit: 5',
    to: '  revisionHistoryLimit: 5\n  minReadySecond: 5',
    reports: /FAIL \[k8s\] deployment\.yaml decodes strictly as apps\/v1\/Deployment: .*minReadySecond/,
  },
  {
    label: 'a field in the wrong case',
    file: 'deploy/k8s/deployment.yaml',
    from: '  replicas: 2',
    to: '  Replicas: 2',
    reports: /FAIL \[k8s\] deployment\.yaml decodes strictly as apps\/v1\/Deployment: unknown field "spec\.Replicas"/,
  },
  {
    label: 'readiness probing the liveness endpoint',
    file: 'deploy/k8s/deployment.yaml',
    from: 'path: /readyz',
    to: 'path: /healthz',
    reports: /FAIL \[k8s\] readiness probe path is \/readyz/,
  },
  {
    label: 'a rollout that takes capacity down',
    file: 'deploy/k8s/deployment.yaml',
    from: 'maxUnavailable: 0',
    to: 'maxUnavailable: 1',
    reports: /FAIL \[k8s\] rollingUpdate\.maxUnavailable is 0/,
  },
  {
    label: 'a grace period shorter than drain plus shutdown',
    file: 'deploy/k8s/deployment.yaml',
    from: /terminationGracePeriodSeconds: \d+/,
    to: 'terminationGracePeriodSeconds: 20',
    reports: /FAIL \[k8s\] terminationGracePeriodSeconds 20s exceeds/,
  },
  {
    label: 'a writable root filesystem',
    file: 'deploy/k8s/deployment.yaml',
    from: 'readOnlyRootFilesystem: true',
    to: 'readOnlyRootFilesystem: false',
    reports: /FAIL \[k8s\] readOnlyRootFilesystem is true/,
  },
  {
    label: 'GOMEMLIMIT above the memory limit',
    file: 'deploy/k8s/deployment.yaml',
    from: /value: \d+MiB/,
    to: 'value: 512MiB',
    reports: /FAIL \[k8s\] GOMEMLIMIT 512MiB is below the memory limit/,
  },
  {
    label: 'a Service pointing at the wrong port',
    file: 'deploy/k8s/service.yaml',
    from: 'targetPort: http',
    to: 'targetPort: 9090',
    reports: /FAIL \[k8s\] Service targetPort 9090 reaches the container's http port/,
  },
  {
    label: 'a PodDisruptionBudget selecting nothing',
    file: 'deploy/k8s/pdb.yaml',
    from: /(matchLabels:\n\s+app\.kubernetes\.io\/name:) orders/,
    to: '$1 payments',
    reports: /FAIL \[k8s\] PodDisruptionBudget selector .* matches the pods/,
  },
  {
    label: 'an autoscaler that may scale to one pod',
    file: 'deploy/k8s/hpa.yaml',
    from: 'minReplicas: 2',
    to: 'minReplicas: 1',
    reports: /FAIL \[k8s\] HorizontalPodAutoscaler minReplicas is at least 2/,
  },
  {
    label: 'pods spread over nodes but not zones',
    file: 'deploy/k8s/deployment.yaml',
    from: 'topologyKey: topology.kubernetes.io/zone',
    to: 'topologyKey: kubernetes.io/hostname',
    reports: /FAIL \[k8s\] pods are spread over topology\.kubernetes\.io\/zone/,
  },
  {
    label: 'a manifest left out of the kustomization',
    file: 'deploy/k8s/kustomization.yaml',
    from: '  - pdb.yaml\n',
    to: '',
    reports: /FAIL \[k8s\] kustomization\.yaml lists pdb\.yaml/,
  },
  {
    label: 'a workflow that can write to the repository',
    file: '.github/workflows/ci.yml',
    from: 'contents: read',
    to: 'contents: write',
    reports: /FAIL \[github-actions\] workflow permissions are exactly contents: read/,
  },
  {
    label: 'a golangci-lint version other than the pinned one',
    file: '.github/workflows/ci.yml',
    from: `version: ${GO_TOOLS.golangciLint}`,
    to: 'version: latest',
    reports: /FAIL \[github-actions\] job lint pins golangci-lint/,
  },
  {
    label: 'an action on a moving branch',
    file: '.github/workflows/ci.yml',
    from: 'actions/setup-go@v6',
    to: 'actions/setup-go@main',
    reports: /FAIL \[github-actions\] job \w+: action actions\/setup-go@main is pinned to a version/,
  },
  {
    label: 'an image job that pushes',
    file: '.github/workflows/ci.yml',
    from: 'push: false',
    to: 'push: true',
    reports: /FAIL \[github-actions\] job image does not push the image/,
  },
];

describe('deployment defects are reported', () => {
  const base = { root: '' };

  beforeAll(async () => {
    base.root = await generate([]);
  }, 120_000);

  function mutated(file: string, from: string | RegExp, to: string): string {
    const copy = path.join(makeTempDir('deploy-mutant-'), 'orders');
    fs.cpSync(base.root, copy, { recursive: true });
    const target = path.join(copy, file);
    const content = fs.readFileSync(target, 'utf8');
    const next = content.replace(from, to);
    expect(next, `mutation target ${String(from)} not found in ${file}`).not.toBe(content);
    fs.writeFileSync(target, next);
    return copy;
  }

  const fullFlags = ['-metrics', '-tracing', '-deploy', ALL_TARGETS, ...toolFlags];

  it('the unmutated project passes, so each failure below is the mutation', async () => {
    const { exitCode, output } = await validate(base.root, fullFlags);
    expect(exitCode, output).toBe(0);
  });

  it.each(MUTATIONS)('$label', async ({ file, from, to, reports }) => {
    const root = mutated(file, from, to);
    const { exitCode, output } = await validate(root, fullFlags);
    expect(output).toMatch(reports);
    expect(exitCode).toBe(1);
  });

  it('reports scrape annotations and OTEL variables the options did not ask for', async () => {
    const { exitCode, output } = await validate(base.root, ['-deploy', ALL_TARGETS, ...toolFlags]);
    expect(output).toMatch(/FAIL \[k8s\] no prometheus\.io\/scrape annotation without metrics/);
    expect(output).toMatch(/FAIL \[k8s\] no OTEL_SERVICE_NAME without tracing/);
    expect(output).toMatch(/FAIL \[compose\] no OTEL_ variables without tracing/);
    expect(exitCode).toBe(1);
  });

  it('reports files of targets that were not chosen', async () => {
    const { exitCode, output } = await validate(base.root, ['-metrics', '-tracing', '-deploy', 'docker']);
    expect(output).toMatch(/FAIL \[compose\] compose\.yaml must not exist when compose is not chosen/);
    expect(output).toMatch(/FAIL \[k8s\] deploy\/k8s must not exist when k8s is not chosen/);
    expect(exitCode).toBe(1);
  });

  it('rejects bad usage with exit code 2', async () => {
    const result = await execa(validator, [base.root], { reject: false, all: true });
    expect(String(result.all)).toMatch(/usage: deployvalidate -name NAME/);
    expect(result.exitCode).toBe(2);
  });

  it('yamllint reports style defects', async () => {
    const root = mutated('deploy/k8s/service.yaml', 'type: ClusterIP', 'type: ClusterIP   ');
    const { exitCode, output } = await yamllint([path.join(root, 'deploy/k8s/service.yaml')]);
    expect(output).toMatch(/service\.yaml:\d+:\d+: \[error\] trailing spaces \(trailing-spaces\)/);
    expect(exitCode).toBe(1);
  });

  it('actionlint reports workflow defects', async () => {
    const root = mutated('.github/workflows/ci.yml', 'go-version-file: go.mod', 'go-version-fil: go.mod');
    const { exitCode, output } = await actionlint(root);
    expect(output).toMatch(/input "go-version-fil" is not defined in action "actions\/setup-go@v6"/);
    expect(exitCode).toBe(1);
  });
});

/** A free loopback port for the service under test. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function status(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

interface ContainerSpec {
  env: { name: string; value?: string }[];
}
interface DeploymentSpec {
  spec: { template: { spec: { terminationGracePeriodSeconds: number; containers: ContainerSpec[] } } };
}

function seconds(duration: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(duration);
  if (!match) throw new Error(`unexpected duration ${duration}`);
  const value = Number(match[1]);
  return match[2] === 'ms' ? value / 1000 : match[2] === 'm' ? value * 60 : value;
}

/**
 * The manifests against the real service: the binary built with the Dockerfile's flags, run
 * with the Deployment's environment, answers the probes the manifests point at, carries the
 * version the build stamps, and on SIGTERM turns unready and exits within the grace period.
 */
describe('the deployment fits the generated service', () => {
  const state = { root: '', binary: '' };
  const VERSION = 'v0.0.0-deploy-e2e';

  beforeAll(async () => {
    state.root = await generate([]);
    const env = { PATH: TOOL_PATH, GOFLAGS: '-mod=mod' };
    const tidy = await execa('go', ['mod', 'tidy'], { cwd: state.root, env, reject: false, all: true });
    if (tidy.exitCode !== 0) throw new Error(`go mod tidy failed:\n${tidy.all}`);
    state.binary = path.join(makeTempDir('deploy-bin-'), 'orders');
    const built = await execa(
      'go',
      ['build', '-trimpath', `-ldflags=-s -w -X main.version=${VERSION}`, '-o', state.binary, './cmd/orders'],
      { cwd: state.root, env: { ...env, CGO_ENABLED: '0' }, reject: false, all: true },
    );
    if (built.exitCode !== 0) throw new Error(`go build failed:\n${built.all}`);
  }, 900_000);

  it('stamps the version through -X main.version, as the Dockerfile and CI build do', () => {
    const dockerfile = fs.readFileSync(path.join(state.root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('-X main.version=${VERSION}');
    // The linker silently ignores -X for a variable that does not exist: look for the value.
    expect(fs.readFileSync(state.binary).includes(Buffer.from(VERSION))).toBe(true);
  });

  it('answers the probes and drains within terminationGracePeriodSeconds', async () => {
    const deployment = parseYaml(fs.readFileSync(path.join(state.root, 'deploy/k8s/deployment.yaml'), 'utf8')) as DeploymentSpec;
    const pod = deployment.spec.template.spec;
    const env: Record<string, string> = {};
    for (const { name, value } of pod.containers[0]?.env ?? []) {
      if (value !== undefined) env[name] = value.replace(/\$\(([A-Z_]+)\)/g, (_, ref: string) => env[ref] ?? 'unset');
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = execa(state.binary, [], {
      env: { ...env, HTTP_ADDR: `127.0.0.1:${port}` },
      extendEnv: false,
      reject: false,
      all: true,
      // execa would SIGKILL 5 s after our SIGTERM, cutting the drain short.
      forceKillAfterDelay: false,
    });
    try {
      let live = 0;
      for (let i = 0; i < 100 && live !== 200; i++) {
        live = await status(`${base}/healthz`);
        if (live !== 200) await sleep(100);
      }
      expect(live).toBe(200);
      expect(await status(`${base}/readyz`)).toBe(200);
      expect(await status(`${base}/metrics`)).toBe(200);

      const drain = seconds(env.SHUTDOWN_DRAIN_DELAY ?? '0s');
      expect(drain).toBeGreaterThan(0);
      const started = Date.now();
      child.kill('SIGTERM');
      let ready = 200;
      for (let i = 0; i < 20 && ready === 200; i++) {
        await sleep(50);
        ready = await status(`${base}/readyz`);
      }
      expect(ready).toBe(503);
      const result = await child;
      const elapsed = (Date.now() - started) / 1000;
      expect(result.exitCode, String(result.all)).toBe(0);
      expect(elapsed).toBeGreaterThanOrEqual(drain);
      expect(elapsed).toBeLessThan(pod.terminationGracePeriodSeconds);
      for (const line of String(result.all).split('\n').filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
