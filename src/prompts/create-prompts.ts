import path from 'node:path';
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { kebabCase } from 'change-case';
import { CHOICE_LABELS, DATASTORES, DEFAULTS, recordedDatastores, DEPLOY_TARGETS, LANGS, LOGGERS, MESSAGING, METRICS, TRACING, TRANSPORTS } from '../choices/catalog.js';
import type { CreateOptions } from '../choices/options.js';
import { parseChoice } from '../choices/parse-choices.js';
import { offers, offersValue } from '../choices/target-support.js';
import { validateModulePath } from '../choices/validate-module.js';
import { validateServiceName } from '../choices/validate-name.js';
import { checkEmptyTarget } from '../tree/check-target.js';

const LANG_LABELS: Record<string, string> = { go: 'Go', ts: 'TypeScript (Node, Fastify)' };

/**
 * Asks only for what the flags left out. Called only when stdin is a TTY and --yes is absent.
 * The name is validated as it is typed (with the directory it names), so a bad one is refused
 * at once, not after every other question.
 */
export async function askMissing(given: CreateOptions, cwd: string = process.cwd()): Promise<CreateOptions> {
  const answers: CreateOptions = { ...given };
  answers.lang ??= await select({ message: 'Language', choices: LANGS.map((value) => ({ value, name: LANG_LABELS[value] ?? value })), default: DEFAULTS.lang });
  if (answers.name === undefined) {
    if (answers.directory === undefined) {
      const force = answers.force ?? false;
      answers.name = await input({
        message: 'Service name',
        default: 'orders',
        validate: validWith((name) => {
          validateServiceName(name);
          checkEmptyTarget(path.resolve(cwd, name), force);
        }),
      });
      answers.directory = answers.name;
    } else if (!isValid(lastSegment(answers.directory))) {
      // `create-service "My Svc"`: the directory may keep its name, the service needs a valid one.
      const suggested = kebabCase(lastSegment(answers.directory));
      answers.name = await input({ message: 'Service name', default: isValid(suggested) ? suggested : 'orders', validate: validWith(validateServiceName) });
    }
  }
  // Only what the target offers is asked (the catalog's UNSUPPORTED_CHOICES): a TypeScript service takes no module path and no logger.
  const lang = parseChoice('lang', answers.lang ?? DEFAULTS.lang, LANGS);
  if (offers(lang, 'module') && answers.module === undefined) {
    const name = answers.name ?? lastSegment(answers.directory ?? 'service');
    answers.module = await input({ message: 'Go module path', default: `example.com/${name}`, validate: validWith(validateModulePath) });
  }
  answers.transport ??= await checkbox({
    message: 'Transports',
    choices: options(
      TRANSPORTS.filter((transport) => offersValue(lang, 'transport', transport)),
      DEFAULTS.transport,
    ),
    required: true,
  });
  if (answers.datastore === undefined) {
    // resolveSpec records them as it records the flags (memory only when it is alone).
    answers.datastore = await checkbox({
      message: 'Datastores',
      choices: options(
        DATASTORES.filter((store) => offersValue(lang, 'datastore', store)),
        DEFAULTS.datastore,
      ),
      required: true,
      // The rule of the flags (one SQL store, redis in front), said while choosing.
      validate: (chosen) => validWith(recordedDatastores)(chosen.map((choice) => choice.value)),
    });
  }
  if (offers(lang, 'logger')) answers.logger ??= await select({ message: 'Logger', choices: options(LOGGERS), default: DEFAULTS.logger });
  answers.metrics ??= await select({ message: 'Metrics', choices: options(METRICS), default: DEFAULTS.metrics });
  answers.tracing ??= await select({ message: 'Tracing', choices: options(TRACING), default: DEFAULTS.tracing });
  if (answers.messaging === undefined) {
    // A target that offers only `none` (TypeScript, for now) is not asked.
    const brokers = MESSAGING.filter((broker) => offersValue(lang, 'messaging', broker));
    answers.messaging = brokers.length > 1 ? await select({ message: 'Messaging (events broker)', choices: options(brokers), default: DEFAULTS.messaging }) : DEFAULTS.messaging;
  }
  if (answers.deploy === undefined) {
    const deploy = await checkbox({ message: 'Deployment', choices: options(DEPLOY_TARGETS, DEFAULTS.deploy) });
    answers.deploy = deploy.length > 0 ? deploy : ['none'];
  }
  answers.example ??= await confirm({ message: 'Include the sample Order domain (CreateOrder, GetOrder)?', default: DEFAULTS.example });
  return answers;
}

function options<T extends string>(values: readonly T[], checked: readonly string[] = []) {
  return values.map((value) => ({ value, name: CHOICE_LABELS[value] ?? value, checked: checked.includes(value) }));
}

function validWith<T>(check: (value: T) => unknown) {
  return (value: T): true | string => {
    try {
      check(value);
      return true;
    } catch (error) {
      if (!(error instanceof Error)) return String(error);
      // The hint offers a valid spelling (e.g. --name my-svc for My_Svc): show it while typing too.
      const hint = (error as { hint?: unknown }).hint;
      return typeof hint === 'string' ? `${error.message} (${hint})` : error.message;
    }
  };
}

function isValid(name: string): boolean {
  return validWith(validateServiceName)(name) === true;
}

function lastSegment(directory: string): string {
  return directory.split(/[\\/]/).filter(Boolean).pop() ?? 'service';
}
