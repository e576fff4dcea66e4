import { UsageError } from '../errors.js';
import { DATASTORES, MESSAGING, type Datastore, type Messaging } from './catalog.js';
import { namesOf } from './naming.js';

/** The brokers `svc add adapter <broker>` adds: every messaging choice but `none`. */
export type Broker = Exclude<Messaging, 'none'>;
export const BROKERS = MESSAGING.filter((broker): broker is Broker => broker !== 'none');

/** The kinds `svc add adapter <kind>` takes: the datastores, the brokers, and `http` (an outbound HTTP client for a port). */
export const ADAPTER_KINDS = [...DATASTORES, ...BROKERS, 'http'] as const;
export type AdapterKind = (typeof ADAPTER_KINDS)[number];

/** The kind `svc add adapter <kind>` takes: one of ADAPTER_KINDS; anything else is bad input. */
export function parseAdapterKind(kind: string): AdapterKind {
  if ((ADAPTER_KINDS as readonly string[]).includes(kind)) return kind as AdapterKind;
  throw new UsageError(`unknown adapter kind ${JSON.stringify(kind)}`, `choose one of: ${ADAPTER_KINDS.join(', ')} (e.g. svc add adapter postgres)`);
}

/** What `svc add adapter` was asked, checked for every target before anything is read or written. */
export type AdapterRequest =
  /** `http` always names its port, and the env var holding the dependency's base URL (given, or the default for the port). */
  | { kind: 'http'; port: string; baseUrlEnv: string }
  | { kind: Datastore; port: string | undefined; baseUrlEnv: undefined }
  /** A broker implements the one event publisher port: it takes no --for. */
  | { kind: Broker; port: undefined; baseUrlEnv: undefined };

/**
 * The flags of `svc add adapter <kind> [--for Port] [--base-url-env NAME]`, checked: `http` needs
 * --for (there is no sample dependency to call), --base-url-env belongs to `http` alone and must be
 * an environment variable name (upper case, digits, underscores; not starting with a digit).
 */
export function parseAdapterRequest(kind: string, options: { for?: string; baseUrlEnv?: string }): AdapterRequest {
  const parsed = parseAdapterKind(kind);
  if (options.baseUrlEnv !== undefined && parsed !== 'http') {
    throw new UsageError(`--base-url-env applies only to svc add adapter http, not to ${parsed}`, `drop --base-url-env, or run svc add adapter http --for <Port> --base-url-env ${options.baseUrlEnv}`);
  }
  if (isBroker(parsed)) {
    if (options.for !== undefined) {
      throw new UsageError(`--for applies to datastores and http, not to ${parsed}: a broker implements the event publisher port (port.EventPublisher)`, `drop --for: svc add adapter ${parsed}`);
    }
    return { kind: parsed, port: undefined, baseUrlEnv: undefined };
  }
  if (parsed !== 'http') return { kind: parsed, port: options.for, baseUrlEnv: undefined };
  if (options.for === undefined) {
    throw new UsageError('svc add adapter http needs the port it implements', 'name it with --for, e.g. svc add adapter http --for PaymentGateway');
  }
  if (options.baseUrlEnv !== undefined && !isEnvVarName(options.baseUrlEnv)) {
    throw new UsageError(
      `--base-url-env ${JSON.stringify(options.baseUrlEnv)} is not an environment variable name`,
      `use upper-case letters, digits and underscores, not starting with a digit (default: ${defaultBaseUrlEnv(options.for)})`,
    );
  }
  return { kind: parsed, port: options.for, baseUrlEnv: options.baseUrlEnv ?? defaultBaseUrlEnv(options.for) };
}

/** `PaymentGateway` -> `PAYMENT_GATEWAY_URL`: the env var an http adapter reads its base URL from unless told otherwise. */
export function defaultBaseUrlEnv(port: string): string {
  return `${namesOf(port).constant}_URL`;
}

export function isBroker(kind: string): kind is Broker {
  return (BROKERS as readonly string[]).includes(kind);
}

export function isEnvVarName(name: string): boolean {
  return /^[A-Z_][A-Z0-9_]*$/.test(name);
}

/** The line `svc add adapter` records in svc.json's history, for either target; --base-url-env only when it was given. */
export function adapterCommand(kind: string, port: string | undefined, baseUrlEnv?: string): string {
  return `add adapter ${kind}${port === undefined ? '' : ` --for ${port}`}${baseUrlEnv === undefined ? '' : ` --base-url-env ${baseUrlEnv}`}`;
}
