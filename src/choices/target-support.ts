import { UsageError } from '../errors.js';
import { DATASTORES, TRANSPORTS, UNSUPPORTED_CHOICES, type ChoiceFlag, type Datastore, type Lang, type Transport } from './catalog.js';
import type { CreateOptions } from './options.js';

/** Whether a flag applies to the target at all: false when the catalog refuses every value of it. */
export function offers(lang: Lang, flag: ChoiceFlag): boolean {
  return !UNSUPPORTED_CHOICES[lang].some((entry) => entry.flag === flag && entry.values === undefined);
}

/** Whether the target offers this value of a flag (e.g. `--datastore sqlite` for ts). */
export function offersValue(lang: Lang, flag: ChoiceFlag, value: string): boolean {
  return !UNSUPPORTED_CHOICES[lang].some((entry) => entry.flag === flag && (entry.values === undefined || entry.values.includes(value)));
}

/** Refuses, in one message naming the target, every given choice the catalog says the target does not offer. */
export function refuseUnsupported(options: CreateOptions, lang: Lang): void {
  const refused: { label: string; why: string }[] = [];
  for (const entry of UNSUPPORTED_CHOICES[lang]) {
    const given = givenValues(options[entry.flag]);
    if (given.length === 0) continue;
    if (entry.values === undefined) refused.push({ label: `--${entry.flag}`, why: entry.why });
    else for (const value of given.filter((candidate) => entry.values?.includes(candidate))) refused.push({ label: `--${entry.flag} ${value}`, why: entry.why });
  }
  if (refused.length === 0) return;
  throw new UsageError(
    `${refused.map((choice) => choice.label).join(' and ')} ${refused.length > 1 ? 'do' : 'does'} not apply to --lang ${lang}: ${refused.map((choice) => `${choice.label} (${choice.why})`).join('; ')}`,
    `drop ${refused.length > 1 ? 'them' : 'it'}, e.g. create-service orders --lang ${lang}`,
  );
}

/** `svc add adapter <store>` for a datastore the catalog does not offer the target: bad input (exit 2), never another store's add. */
export function refuseUnofferedDatastore(lang: Lang, store: Datastore, targetName: string): void {
  const entry = UNSUPPORTED_CHOICES[lang].find((candidate) => candidate.flag === 'datastore' && candidate.values?.includes(store));
  if (entry === undefined) return;
  throw new UsageError(`svc add adapter ${store} is not available in a ${targetName} service: ${entry.why}`, `choose one of: ${DATASTORES.filter((other) => offersValue(lang, 'datastore', other)).join(', ')}`);
}

/** `svc add adapter <broker>` for a broker the catalog does not offer the target: bad input (exit 2), as at create. */
export function refuseUnofferedBroker(lang: Lang, broker: string, targetName: string): void {
  const entry = UNSUPPORTED_CHOICES[lang].find((candidate) => candidate.flag === 'messaging' && (candidate.values === undefined || candidate.values.includes(broker)));
  if (entry === undefined) return;
  throw new UsageError(`svc add adapter ${broker} is not available in a ${targetName} service: ${entry.why}`, 'nothing was changed; brokers are added to Go services');
}

/** A flag's values as given: one string, or a list whose items may each be comma-separated. */
function givenValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * `svc add transport <kind>`: the transport to add, checked against the catalog and the target
 * (bad input, exit 2). HTTP is chosen at create; grpc is the one a service can gain later.
 */
export function parseTransportToAdd(lang: Lang, kind: string, targetName: string): Transport {
  if (kind === 'http') {
    throw new UsageError('svc add transport http is not available: HTTP is chosen at create (every service keeps its HTTP server for /healthz, /readyz and /metrics)', 'add gRPC instead: svc add transport grpc');
  }
  const transport = TRANSPORTS.find((candidate) => candidate === kind);
  if (transport === undefined) throw new UsageError(`unknown transport ${JSON.stringify(kind)}`, `choose one of: ${TRANSPORTS.filter((other) => other !== 'http').join(', ')}`);
  const entry = UNSUPPORTED_CHOICES[lang].find((candidate) => candidate.flag === 'transport' && candidate.values?.includes(transport));
  if (entry !== undefined) throw new UsageError(`svc add transport ${transport} is not available in a ${targetName} service: ${entry.why}`, 'keep HTTP for this service');
  return transport;
}
