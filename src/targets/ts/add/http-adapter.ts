import { UsageError } from '../../../errors.js';
import { namesOf } from '../../../choices/naming.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import type { Project } from '../../../project/load-project.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { tsTemplateContext } from '../context.js';
import { TsEditSession } from '../edit/session.js';
import { CONFIG_FILE, CONFIG_TEST_FILE, TEST_ENV_FILE } from '../features/datastore/context.js';
import { addNpmPackages } from '../features/datastore/package-json.js';
import { configNames, createPortsNames } from '../features/datastore/wiring-names.js';
import { NPM_PACKAGES } from '../npm-packages.js';
import { httpAdapterNames, renderTsHttpAdapter } from './http-adapter-code.js';
import { validateTsTypeName, type TsTypeName } from './names.js';
import { APP_FILE, domainTypes } from './port.js';
import { parsePortMethods } from './port-signature.js';
import { switchPortAdapter } from './port-wiring.js';

const CONNECT_MODULE = '../platform/outbound/connect.js';

/**
 * `svc add adapter http --for Port [--base-url-env NAME]`: the shared outbound module (once), an
 * adapter that implements the port's methods as JSON calls with its test, validated config, the
 * package.json entries, the wire contract in the README, and createPorts building the port with it
 * instead of the memory adapter. `portFile` holds the port's interface.
 */
export async function applyTsHttpAdapter(project: Project, portName: string, portFile: string, baseUrlEnv: string): Promise<void> {
  const { tree } = project;
  const port = validateTsTypeName('port', portName, 'svc add adapter http --for PaymentGateway');
  const session = await TsEditSession.open(tree);
  const iface = session.source(portFile, '').getInterface(port.pascal);
  const texts = (iface?.getMethods() ?? []).map((method) => method.getText(false));
  const domain = domainTypes(project, session);
  const methods = parsePortMethods(session.ts, texts, domain);
  const sync = methods.filter((method) => !method.async).map((method) => method.name);
  if (sync.length > 0) {
    throw new UsageError(`${port.pascal} has synchronous methods (${sync.join(', ')}): an HTTP call cannot implement them`, `make them return a Promise and take an AbortSignal last in ${portFile}, or implement ${port.pascal} by hand`);
  }
  if (methods.length === 0) throw new UsageError(`${port.pascal} has no methods for an HTTP adapter to implement`, `add methods to ${portFile} first`);
  const prefix = baseUrlEnv.endsWith('_URL') ? baseUrlEnv.slice(0, -'_URL'.length) : namesOf(port.pascal).constant;
  const env = settingsEnv(prefix, baseUrlEnv);

  const context = tsTemplateContext(project.spec);
  renderTemplateFolder(tree, 'ts/outbound', context);
  renderTsHttpAdapter(tree, { name: port, methods, domain }, baseUrlEnv);
  addNpmPackages(tree, NPM_PACKAGES.outbound);
  addConfig(session, tree, port, env);

  const { http, module } = httpAdapterNames(port);
  const build = (names: { config: string; deps: string }) => (local: string) => `new ${local}(outboundClient('${port.kebab}', ${names.config}.${port.camel}, ${names.deps}))`;
  const manualSnippet = `import { ${http} } from '${module}';
import { outboundClient } from '${CONNECT_MODULE}';
${portsProperty(session, port)}: ${build({ config: 'config', deps: 'deps' })(http)},   (in the object createPorts returns)`;
  const names = createPortsNames(session, undefined, `new ${http}(`, manualSnippet);
  switchPortAdapter(session, {
    property: portsProperty(session, port),
    from: { name: `Memory${port.pascal}`, module: `../adapter/memory/${port.kebab}.js` },
    to: { name: http, module },
    build: build(names),
    edits: [{ kind: 'named-import', module: CONNECT_MODULE, name: 'outboundClient' }, ...names.edits],
    mayBeUnused: [],
    manualSnippet,
  });
  if (tree.exists(TEST_ENV_FILE)) {
    // The start/stop test never calls the dependency: any address passes the validation.
    session.apply(TEST_ENV_FILE, [{ kind: 'returned-property', func: 'serviceTestEnv', name: baseUrlEnv, initializer: "'http://127.0.0.1:9'" }], `${baseUrlEnv}: 'http://127.0.0.1:9',   (in the object serviceTestEnv returns)`);
  }
  appendTextBlock(tree, '.env.example', envExample(port, env));
  appendTextBlock(tree, 'README.md', readme(port, env, methods.map((method) => method.name)));
}

/**
 * `svc add adapter memory --for Port` once an http adapter serves the port: createPorts builds the
 * memory adapter again. The http adapter's files and config stay, to switch back later.
 */
export async function switchTsPortToMemory(project: Project, portName: string): Promise<void> {
  const port = validateTsTypeName('port', portName, 'svc add adapter memory --for PaymentGateway');
  const session = await TsEditSession.open(project.tree);
  const memory = `Memory${port.pascal}`;
  const module = `../adapter/memory/${port.kebab}.js`;
  const { http, module: httpModule } = httpAdapterNames(port);
  const property = portsProperty(session, port);
  const manualSnippet = `import { ${memory} } from '${module}';\n${property}: new ${memory}(),   (in the object createPorts returns)`;
  switchPortAdapter(session, {
    property,
    from: { name: http, module: httpModule },
    to: { name: memory, module },
    build: (local) => `new ${local}()`,
    edits: [],
    mayBeUnused: ['outboundClient'],
    unuseParameters: true,
    manualSnippet,
  });
}

/** The property of `Ports` (app.ts) typed with the port, e.g. `orders` for OrderRepository; its camelCase name otherwise. */
function portsProperty(session: TsEditSession, port: TsTypeName): string {
  const ports = session.source(APP_FILE, '').getInterface('Ports');
  return ports?.getProperties().find((property) => property.getTypeNode()?.getText() === port.pascal)?.getName() ?? port.camel;
}

interface SettingEnv {
  url: string;
  timeout: string;
  connectTimeout: string;
  maxAttempts: string;
  maxConns: string;
  maxInFlight: string;
  rate: string;
  burst: string;
  breakerReset: string;
}

function settingsEnv(prefix: string, url: string): SettingEnv {
  return {
    url,
    timeout: `${prefix}_TIMEOUT`,
    connectTimeout: `${prefix}_CONNECT_TIMEOUT`,
    maxAttempts: `${prefix}_MAX_ATTEMPTS`,
    maxConns: `${prefix}_MAX_CONNS`,
    maxInFlight: `${prefix}_MAX_IN_FLIGHT`,
    rate: `${prefix}_RATE`,
    burst: `${prefix}_BURST`,
    breakerReset: `${prefix}_BREAKER_RESET`,
  };
}

/** The defaults, in one place: config, tests, .env.example and README say the same. */
const DEFAULTS = { timeout: '2s', connectTimeout: '1s', maxAttempts: 3, maxConns: 10, maxInFlight: 32, rate: 100, burst: 100, breakerReset: '10s' } as const;

function addConfig(session: TsEditSession, tree: Tree, port: TsTypeName, env: SettingEnv): void {
  const positiveDuration = (value: string) => `duration.prefault('${value}').refine((ms) => ms > 0, 'must be positive')`;
  const snippet = `import type { OutboundSettings } from './outbound/client.js';
${port.camel}: OutboundSettings;   (in interface Config)
${env.url}: z.url({ protocol: /^https?$/ }), ${env.timeout}: ${positiveDuration(DEFAULTS.timeout)}, …   (in the z.object of const schema)
${port.camel}: { baseUrl: vars.${env.url}, timeoutMs: vars.${env.timeout}, … },   (in the object loadConfig returns)`;
  const { z, vars } = configNames(session, ['positiveInt', 'duration'], snippet);
  const configured = configuredUrlEnv(session, port);
  if (configured !== undefined && configured !== env.url) {
    throw new UsageError(`${port.pascal} is configured already, with its base URL in ${configured}, not ${env.url}`, `run it again with --base-url-env ${configured}`);
  }
  session.apply(
    CONFIG_FILE,
    [
      { kind: 'named-import', module: './outbound/client.js', name: 'OutboundSettings', typeOnly: true },
      { kind: 'interface-property', iface: 'Config', name: port.camel, type: 'OutboundSettings' },
      { kind: 'variable-property', variable: 'schema', name: env.url, initializer: `${z}.url({ protocol: /^https?$/ })` },
      { kind: 'variable-property', variable: 'schema', name: env.timeout, initializer: positiveDuration(DEFAULTS.timeout) },
      { kind: 'variable-property', variable: 'schema', name: env.connectTimeout, initializer: positiveDuration(DEFAULTS.connectTimeout) },
      { kind: 'variable-property', variable: 'schema', name: env.maxAttempts, initializer: `positiveInt.default(${DEFAULTS.maxAttempts})` },
      { kind: 'variable-property', variable: 'schema', name: env.maxConns, initializer: `positiveInt.default(${DEFAULTS.maxConns})` },
      { kind: 'variable-property', variable: 'schema', name: env.maxInFlight, initializer: `positiveInt.default(${DEFAULTS.maxInFlight})` },
      { kind: 'variable-property', variable: 'schema', name: env.rate, initializer: `positiveInt.default(${DEFAULTS.rate})` },
      { kind: 'variable-property', variable: 'schema', name: env.burst, initializer: `positiveInt.default(${DEFAULTS.burst})` },
      { kind: 'variable-property', variable: 'schema', name: env.breakerReset, initializer: positiveDuration(DEFAULTS.breakerReset) },
      {
        kind: 'returned-property',
        func: 'loadConfig',
        name: port.camel,
        initializer: {
          baseUrl: `${vars}.${env.url}`,
          timeoutMs: `${vars}.${env.timeout}`,
          connectTimeoutMs: `${vars}.${env.connectTimeout}`,
          maxAttempts: `${vars}.${env.maxAttempts}`,
          maxConnections: `${vars}.${env.maxConns}`,
          maxInFlight: `${vars}.${env.maxInFlight}`,
          ratePerSecond: `${vars}.${env.rate}`,
          burst: `${vars}.${env.burst}`,
          breakerResetMs: `${vars}.${env.breakerReset}`,
        },
      },
    ],
    snippet,
  );
  if (!tree.exists(CONFIG_TEST_FILE)) return;
  const test = `describe('${port.pascal} configuration', () => {
  it('requires ${env.url}, an http(s) URL', () => {
    expect(() => loadConfig({ ...required, ${env.url}: '' })).toThrow(/${env.url}/);
    expect(() => loadConfig({ ...required, ${env.url}: 'ftp://example.com' })).toThrow(/${env.url}/);
  });

  it('takes the documented defaults', () => {
    expect(loadConfig(required).${port.camel}).toEqual({
      baseUrl: required.${env.url},
      timeoutMs: 2_000,
      connectTimeoutMs: 1_000,
      maxAttempts: ${DEFAULTS.maxAttempts},
      maxConnections: ${DEFAULTS.maxConns},
      maxInFlight: ${DEFAULTS.maxInFlight},
      ratePerSecond: ${DEFAULTS.rate},
      burst: ${DEFAULTS.burst},
      breakerResetMs: 10_000,
    });
  });

  it('refuses a zero timeout', () => {
    expect(() => loadConfig({ ...required, ${env.timeout}: '0s' })).toThrow(/${env.timeout}/);
  });
});`;
  session.apply(
    CONFIG_TEST_FILE,
    [
      { kind: 'variable-property', variable: 'required', name: env.url, initializer: "'http://localhost:8081'" },
      { kind: 'top-level-statement', statement: test, unlessPresent: `describe('${port.pascal} configuration'` },
    ],
    `${env.url}: 'http://localhost:8081',   (in const required)`,
  );
}

/** The variable loadConfig reads the port's base URL from (`baseUrl: vars.X_URL`), when it configures the port already. */
function configuredUrlEnv(session: TsEditSession, port: TsTypeName): string | undefined {
  const { SyntaxKind } = session.ts;
  const loadConfig = session.source(CONFIG_FILE, '').getFunction('loadConfig');
  const settings = loadConfig
    ?.getDescendantsOfKind(SyntaxKind.PropertyAssignment)
    .find((property) => property.getName() === port.camel)
    ?.getInitializer()
    ?.asKind(SyntaxKind.ObjectLiteralExpression);
  const baseUrl = settings?.getProperty('baseUrl')?.asKind(SyntaxKind.PropertyAssignment)?.getInitializer();
  return baseUrl?.asKind(SyntaxKind.PropertyAccessExpression)?.getName();
}

function envExample(port: TsTypeName, env: SettingEnv): string {
  return `# ${port.pascal} over HTTP (required): the base URL of the dependency.
${env.url}=http://localhost:8081
# Bound on each attempt and on opening a connection; attempts per call (only safe calls are retried).
${env.timeout}=${DEFAULTS.timeout}
${env.connectTimeout}=${DEFAULTS.connectTimeout}
${env.maxAttempts}=${DEFAULTS.maxAttempts}
# Connection pool, calls in flight at once (the bulkhead), client-side rate limit (calls a second and burst).
${env.maxConns}=${DEFAULTS.maxConns}
${env.maxInFlight}=${DEFAULTS.maxInFlight}
${env.rate}=${DEFAULTS.rate}
${env.burst}=${DEFAULTS.burst}
# How long the circuit breaker stays open before a trial call.
${env.breakerReset}=${DEFAULTS.breakerReset}
`;
}

function readme(port: TsTypeName, env: SettingEnv, methods: readonly string[]): string {
  const { http, file, routes } = httpAdapterNames(port);
  return `## ${port.pascal} over HTTP

\`${http}\` (\`${file}\`) implements ${port.pascal} as JSON calls to the service at \`${env.url}\`.
The wire contract it assumes, method by method, is the table \`${routes}\` in that file: by default
\`POST /<method>\` (${methods.map((method) => `\`/${namesOf(method).kebab}\``).join(', ')}) under the base URL, the method's arguments by
name as the JSON body, its result as the JSON answer. Each call carries an \`Idempotency-Key\`, the
same on every retry, which the dependency must honour (a repeated key gets the first answer).
404 is a NotFoundError, 409 a ConflictError. 429, 502, 503, 504, timeouts and connection failures
are retried with backoff (a 500 is not: repeating a bug does not help); what still fails is answered
503 with \`Retry-After\`, as is a call refused by the circuit breaker, the rate limit or the bulkhead
(\`src/platform/outbound\`). An open breaker does not make
the service unready: restarting or unrouting every replica would not bring the dependency back.

| Variable | Default | Meaning |
|---|---|---|
| \`${env.url}\` | required | Base URL, e.g. \`https://payments.internal/v1\` |
| \`${env.timeout}\` | \`${DEFAULTS.timeout}\` | Bound on each attempt (headers and body) |
| \`${env.connectTimeout}\` | \`${DEFAULTS.connectTimeout}\` | Bound on opening a connection |
| \`${env.maxAttempts}\` | \`${DEFAULTS.maxAttempts}\` | Attempts per call, within the caller's deadline and a retry budget |
| \`${env.maxConns}\` | \`${DEFAULTS.maxConns}\` | Connections kept to the dependency |
| \`${env.maxInFlight}\` | \`${DEFAULTS.maxInFlight}\` | Calls in flight at once; the next fails fast (bulkhead) |
| \`${env.rate}\` / \`${env.burst}\` | \`${DEFAULTS.rate}\` / \`${DEFAULTS.burst}\` | Client-side token bucket: calls a second, and burst |
| \`${env.breakerReset}\` | \`${DEFAULTS.breakerReset}\` | How long the breaker stays open before a trial call |

\`svc add adapter memory --for ${port.pascal}\` wires the in-memory adapter again (the variables above
are still read: remove them from src/platform/config.ts if the HTTP adapter goes for good).
`;
}
