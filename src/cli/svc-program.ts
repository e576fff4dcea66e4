import { Command, Option } from '../vendor/commander.js';
import { VERSION } from '../version.js';

/** What the program hands to the actions; tests replace it to see how argv was mapped. */
export interface SvcHandlers {
  addUsecase(name: string, flags: { uses?: string; http?: string; grpc?: boolean; dryRun?: boolean; force?: boolean; verify?: boolean }): Promise<number>;
  addPort(name: string, flags: { method: string[]; dryRun?: boolean; force?: boolean; verify?: boolean }): Promise<number>;
  addAdapter(kind: string, flags: { for?: string; baseUrlEnv?: string; install?: boolean; dryRun?: boolean; force?: boolean; verify?: boolean }): Promise<number>;
  addTransport(kind: string, flags: { install?: boolean; dryRun?: boolean; force?: boolean }): Promise<number>;
  addEvent(name: string, flags: { from?: string; dryRun?: boolean; force?: boolean; verify?: boolean }): Promise<number>;
  addConsumer(event: string, flags: { handler: string; dryRun?: boolean; force?: boolean; verify?: boolean }): Promise<number>;
  list(flags: { json?: boolean; mermaid?: boolean }): Promise<number>;
  doctor(flags: { json?: boolean }): Promise<number>;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/**
 * `svc` grows a generated service. Flags only: every action lives in its own module, imported
 * by `svc-main.ts` when its command runs, so `svc --help` loads nothing but commander.
 */
export function svcProgram(handlers: SvcHandlers): Command {
  const program = new Command('svc')
    .description('Grow a service made by create-service: add use cases, ports and adapters through the syntax tree.')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride();

  const add = program
    .command('add')
    .description('add a use case, a port or an adapter to this service')
    .showSuggestionAfterError()
    .exitOverride();

  add
    .command('usecase')
    .description('add a use case: internal/app/<name>.go with its test, wired into App (and an HTTP route with --http, an rpc with --grpc)')
    .argument('<Name>', 'PascalCase use case name, e.g. CreateInvoice')
    .option('--uses <ports>', 'comma-separated ports the use case needs: fields of Ports or their interfaces, any case, e.g. Orders,PaymentGateway')
    .option('--http <route>', 'also serve it over HTTP, e.g. "POST /v1/invoices"')
    .option('--grpc', 'also serve it over gRPC: an rpc in the .proto, the Go code regenerated, a server method (Go; needs the grpc transport)')
    .option('--dry-run', 'print what would change, with diffs; write nothing')
    .option('--force', 'overwrite generator-owned files even if you changed them')
    .option('--no-verify', 'do not compile the change before writing it (for scripted bulk adds)')
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  $ svc add usecase CancelOrder --uses Orders --http "POST /v1/orders/{id}/cancel"\n  $ svc add usecase CreateInvoice --uses Orders,PaymentGateway --dry-run')
    .action(async (name: string, flags: Record<string, unknown>) => {
      process.exitCode = await handlers.addUsecase(name, {
        uses: stringFlag(flags.uses),
        http: stringFlag(flags.http),
        grpc: flags.grpc === true,
        dryRun: flags.dryRun === true,
        force: flags.force === true,
        verify: flags.verify !== false,
      });
    });

  add
    .command('port')
    .description('add a port: an interface in internal/port, a memory adapter, a test fake, wired into app.Ports')
    .argument('<Name>', 'PascalCase port name, e.g. PaymentGateway')
    .option('--method <signature>', 'a method of the interface (at least one; repeatable), e.g. "Charge(ctx context.Context, amount int64) error"', collect)
    .option('--dry-run', 'print what would change, with diffs; write nothing')
    .option('--force', 'overwrite generator-owned files even if you changed them')
    .option('--no-verify', 'do not compile the change before writing it (for scripted bulk adds)')
    .exitOverride()
    .addHelpText('after', '\nMethods that return an error must take ctx context.Context first.\n\nExample:\n  $ svc add port PaymentGateway --method "Charge(ctx context.Context, amount int64) error"')
    .action(async (name: string, flags: Record<string, unknown>) => {
      process.exitCode = await handlers.addPort(name, {
        method: Array.isArray(flags.method) ? (flags.method as string[]) : [],
        dryRun: flags.dryRun === true,
        force: flags.force === true,
        verify: flags.verify !== false,
      });
    });

  add
    .command('adapter')
    .description('add an outbound adapter (memory, postgres, mysql, sqlite, redis, nats, kafka, rabbitmq, http) for a port; at most one SQL store per service; a broker (nats, kafka or rabbitmq, one per service) publishes the events')
    .argument('<kind>', 'adapter kind, e.g. postgres')
    .option('--for <port>', 'the port it implements (default: the sample OrderRepository; required for http)')
    .option('--base-url-env <name>', 'http only: the env var holding the dependency\'s base URL (default: <PORT>_URL, e.g. PAYMENT_GATEWAY_URL)')
    .option('--no-install', 'skip go mod tidy (Go) or npm install (TypeScript)')
    .option('--dry-run', 'print what would change, with diffs; write nothing')
    .option('--force', 'overwrite generator-owned files even if you changed them')
    .option('--no-verify', 'do not compile the change before writing it (for scripted bulk adds)')
    .exitOverride()
    .action(async (kind: string, flags: Record<string, unknown>) => {
      process.exitCode = await handlers.addAdapter(kind, {
        for: stringFlag(flags.for),
        baseUrlEnv: stringFlag(flags.baseUrlEnv),
        install: flags.install !== false,
        dryRun: flags.dryRun === true,
        force: flags.force === true,
        verify: flags.verify !== false,
      });
    });

  add
    .command('transport')
    .description('add an inbound transport to a Go service: grpc (the .proto, buf, the gRPC server beside HTTP), as create --transport http,grpc gives it')
    .argument('<kind>', 'transport kind: grpc')
    .option('--no-install', 'skip go mod tidy and buf generate')
    .option('--dry-run', 'print what would change, with diffs; write nothing')
    .option('--force', 'overwrite generator-owned files even if you changed them')
    .exitOverride()
    .action(async (kind: string, flags: Record<string, unknown>) => {
      process.exitCode = await handlers.addTransport(kind, {
        install: flags.install !== false,
        dryRun: flags.dryRun === true,
        force: flags.force === true,
      });
    });

  add
    .command('event')
    .description('add an event: a versioned type in internal/domain (payload, type, schema version, constructor) and its channel in api/asyncapi.yaml (Go)')
    .argument('<Name>', 'PascalCase event name, what happened, e.g. OrderShipped (type order.shipped)')
    .option('--from <UseCase>', 'the use case that publishes it after its work (it gains the publisher, ID and clock ports it lacks)')
    .option('--dry-run', 'print what would change, with diffs; write nothing')
    .option('--force', 'overwrite generator-owned files even if you changed them')
    .option('--no-verify', 'do not compile the change before writing it (for scripted bulk adds)')
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  $ svc add event OrderShipped\n  $ svc add event OrderCancelled --from CancelOrder')
    .action(async (name: string, flags: Record<string, unknown>) => {
      process.exitCode = await handlers.addEvent(name, { from: stringFlag(flags.from), dryRun: flags.dryRun === true, force: flags.force === true, verify: flags.verify !== false });
    });

  add
    .command('consumer')
    .description('add a consumer of an event (Go, NATS JetStream): a durable pull consumer that runs a use case for each event, with bounded workers, retries with backoff, a dead-letter subject and deduplication by event ID')
    .argument('<Event>', 'an event of internal/domain, e.g. OrderPlaced (svc add event declares one)')
    .requiredOption('--handler <UseCase>', 'the use case run for each event; created as a skeleton when App has none of that name')
    .option('--dry-run', 'print what would change, with diffs; write nothing')
    .option('--force', 'overwrite generator-owned files even if you changed them')
    .option('--no-verify', 'do not compile the change before writing it (for scripted bulk adds)')
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  $ svc add consumer OrderPlaced --handler ReserveStock')
    .action(async (event: string, flags: Record<string, unknown>) => {
      process.exitCode = await handlers.addConsumer(event, { handler: stringFlag(flags.handler) ?? '', dryRun: flags.dryRun === true, force: flags.force === true, verify: flags.verify !== false });
    });

  program
    .command('list')
    .description('list use cases, ports, adapters and which adapter serves which port')
    .option('--json', 'print JSON on stdout')
    .addOption(new Option('--mermaid', 'print the hexagon as a Mermaid flowchart (put it in a ```mermaid block: GitHub renders it)').conflicts('json'))
    .exitOverride()
    .action(async (flags: Record<string, unknown>) => {
      process.exitCode = await handlers.list({ json: flags.json === true, mermaid: flags.mermaid === true });
    });

  program
    .command('doctor')
    .description('check the manifest, the Go toolchain, hand-modified generated files and the layout rules')
    .option('--json', 'print JSON on stdout')
    .exitOverride()
    .action(async (flags: Record<string, unknown>) => {
      process.exitCode = await handlers.doctor({ json: flags.json === true });
    });

  return program;
}

function stringFlag(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
