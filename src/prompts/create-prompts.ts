import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { CHOICE_LABELS, DATASTORES, DEFAULTS, DEPLOY_TARGETS, LANGS, LOGGERS, METRICS, TRACING, TRANSPORTS } from '../choices/catalog.js';
import type { CreateOptions } from '../choices/options.js';
import { parseChoice } from '../choices/parse-choices.js';
import { offers } from '../choices/target-support.js';
import { validateModulePath } from '../choices/validate-module.js';
import { validateServiceName } from '../choices/validate-name.js';

/** Asks only for what the flags left out. Called only when stdin is a TTY and --yes is absent. */
export async function askMissing(given: CreateOptions): Promise<CreateOptions> {
  const answers: CreateOptions = { ...given };
  if (answers.directory === undefined && answers.name === undefined) {
    answers.name = await input({ message: 'Service name', default: 'orders', validate: validWith(validateServiceName) });
    answers.directory = answers.name;
  }
  // Only what the target offers is asked (the catalog's UNSUPPORTED_CHOICES): a TypeScript service takes no module path and no logger.
  const lang = parseChoice('lang', answers.lang ?? DEFAULTS.lang, LANGS);
  if (offers(lang, 'module') && answers.module === undefined) {
    const name = answers.name ?? lastSegment(answers.directory ?? 'service');
    answers.module = await input({ message: 'Go module path', default: `example.com/${name}`, validate: validWith(validateModulePath) });
  }
  answers.transport ??= await checkbox({ message: 'Transports', choices: options(TRANSPORTS, DEFAULTS.transport), required: true });
  answers.datastore ??= await checkbox({ message: 'Datastores', choices: options(DATASTORES, DEFAULTS.datastore), required: true });
  if (offers(lang, 'logger')) answers.logger ??= await select({ message: 'Logger', choices: options(LOGGERS), default: DEFAULTS.logger });
  answers.metrics ??= await select({ message: 'Metrics', choices: options(METRICS), default: DEFAULTS.metrics });
  answers.tracing ??= await select({ message: 'Tracing', choices: options(TRACING), default: DEFAULTS.tracing });
  if (answers.deploy === undefined) {
    const deploy = await checkbox({ message: 'Deployment', choices: options(DEPLOY_TARGETS, DEFAULTS.deploy) });
    answers.deploy = deploy.length > 0 ? deploy : ['none'];
  }
  answers.example ??= await confirm({ message: 'Include the sample Order domain (CreateOrder, GetOrder)?', default: DEFAULTS.example });
  return answers;
}

function options(values: readonly string[], checked: readonly string[] = []) {
  return values.map((value) => ({ value, name: CHOICE_LABELS[value] ?? value, checked: checked.includes(value) }));
}

function validWith(check: (value: string) => void) {
  return (value: string): true | string => {
    try {
      check(value);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}

function lastSegment(directory: string): string {
  return directory.split(/[\\/]/).filter(Boolean).pop() ?? 'service';
}
