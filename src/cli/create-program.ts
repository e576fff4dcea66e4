import { Command, Option } from '../vendor/commander.js';
import { DATASTORES, DEPLOY_TARGETS, LANGS, LOGGERS, MESSAGING, METRICS, TRACING, TRANSPORTS } from '../choices/catalog.js';
import type { CreateOptions } from '../choices/options.js';
import { VERSION } from '../version.js';

export type CreateHandler = (options: CreateOptions) => Promise<number>;

const list = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Flags only: commander turns argv into CreateOptions and hands them to the action. */
export function createProgram(handler: CreateHandler): Command {
  const program = new Command('create-service')
    .description('Create a production-grade hexagonal Go or TypeScript (Node) service.')
    .version(VERSION)
    .argument('[directory]', 'where to create the service (its base name is the default service name)')
    .option('--name <name>', 'kebab-case service name (default: the directory base name)')
    .option('--module <path>', 'Go module path (default: example.com/<name>; Go only)')
    .addOption(new Option('--lang <lang>', `target language: ${LANGS.join(', ')} (default: go)`))
    .addOption(new Option('--transport <list>', `inbound transports, comma-separated: ${TRANSPORTS.join(', ')} (default: http)`).argParser(list))
    .addOption(new Option('--datastore <list>', `datastores, comma-separated: ${DATASTORES.join(', ')} (default: memory; recorded only when no other is chosen; at most one SQL store, redis caches in front of it)`).argParser(list))
    .addOption(new Option('--logger <logger>', `logging backend: ${LOGGERS.join(', ')} (default: slog; Go only: --lang ts always logs with pino)`))
    .addOption(new Option('--metrics <metrics>', `metrics: ${METRICS.join(', ')} (default: prometheus)`))
    .addOption(new Option('--tracing <tracing>', `tracing: ${TRACING.join(', ')} (default: otel)`))
    .addOption(new Option('--messaging <broker>', `events broker: ${MESSAGING.join(', ')} (default: none; Go only for now)`))
    .addOption(new Option('--deploy <list>', `deploy targets, comma-separated: ${DEPLOY_TARGETS.join(', ')}, or none (default: all; compose brings docker)`).argParser(list))
    .option('--example', 'include the sample Order domain with CreateOrder and GetOrder (default)')
    .option('--no-example', 'leave the sample domain out')
    .option('-y, --yes', 'take defaults for everything not given; never prompt')
    .option('--dry-run', 'print what would be created, write nothing')
    .option('--no-git', 'skip git init and the first commit')
    .option('--no-install', 'skip go mod tidy (ts: npm install)')
    .option('--force', 'write into a non-empty directory (existing files are never overwritten)')
    .option('--json', 'print a machine-readable summary on stdout')
    .showSuggestionAfterError()
    .exitOverride()
    .action(async (directory: string | undefined, flags: Record<string, unknown>) => {
      process.exitCode = await handler(toOptions(directory, flags));
    });
  program.addHelpText(
    'after',
    '\nExamples:\n  $ create-service orders\n  $ create-service orders --yes --logger zap --deploy docker,k8s\n  $ create-service orders --lang ts --datastore postgres,redis --yes\n  $ create-service ./svc/payments --module github.com/acme/payments --no-example --yes',
  );
  return program;
}

function toOptions(directory: string | undefined, flags: Record<string, unknown>): CreateOptions {
  const options: CreateOptions = { directory };
  const strings = ['name', 'module', 'lang', 'logger', 'metrics', 'tracing', 'messaging'] as const;
  for (const key of strings) if (typeof flags[key] === 'string') options[key] = flags[key] as string;
  const lists = ['transport', 'datastore', 'deploy'] as const;
  for (const key of lists) if (Array.isArray(flags[key])) options[key] = flags[key] as string[];
  if (typeof flags.example === 'boolean') options.example = flags.example;
  options.yes = flags.yes === true;
  options.dryRun = flags.dryRun === true;
  options.git = flags.git !== false;
  options.install = flags.install !== false;
  options.force = flags.force === true;
  options.json = flags.json === true;
  return options;
}
