import { withSignal } from './resilience.js';

/** A dependency the service needs to serve traffic: it throws (or rejects) when unusable. */
export type Check = (signal: AbortSignal) => Promise<void>;

/** "degraded": an optional dependency fails; the service still serves, only slower or with less. */
export type CheckStatus = 'ok' | 'degraded' | 'failing';

export interface Readiness {
  /** "ok" and "degraded" are ready (200); "starting", "failing" and "draining" are not (503). */
  status: 'ok' | 'degraded' | 'failing' | 'starting' | 'draining';
  checks: Record<string, { status: CheckStatus }>;
}

interface Registration {
  check: Check;
  optional: boolean;
  /** Whether an optional dependency is in use right now, for the metric; e.g. its breaker is closed. */
  available?: () => boolean;
}

/** Readiness of the service: every dependency check, and whether a shutdown has begun. */
export class Health {
  readonly #checks = new Map<string, Registration>();
  #draining = false;
  #starting = false;

  constructor(private readonly checkTimeoutMs = 1000) {}

  /** Registers a dependency the service cannot serve without, by name, e.g. "postgres". */
  add(name: string, check: Check): void {
    this.#checks.set(name, { check, optional: false });
  }

  /**
   * Registers a dependency the service can do without, such as a cache: when its check fails the
   * service is reported "degraded" but stays ready, so its outage does not take every replica out
   * of service. Its adapter logs its own outages; readiness does not log them on every probe.
   */
  addOptional(name: string, check: Check, available?: () => boolean): void {
    this.#checks.set(name, { check, optional: true, ...(available === undefined ? {} : { available }) });
  }

  /** Whether each optional dependency that says so is in use now (1) or bypassed (0), by name. */
  optionalAvailability(): Map<string, boolean> {
    return new Map([...this.#checks].flatMap(([name, { available }]) => (available === undefined ? [] : [[name, available()] as const])));
  }

  /**
   * Until started(), the service reports "starting" (503) and runs no check: the server listens
   * while its dependencies are still being connected and migrated.
   */
  beginStartup(): void {
    this.#starting = true;
  }

  started(): void {
    this.#starting = false;
  }

  get starting(): boolean {
    return this.#starting;
  }

  /** From now on the service reports "draining" (503) so load balancers stop routing to it. */
  drain(): void {
    this.#draining = true;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /**
   * Runs every check concurrently, each bounded by the check timeout even if it ignores its signal.
   * Errors of required checks go to onError, not to clients.
   */
  async readiness(onError: (name: string, error: unknown) => void): Promise<Readiness> {
    if (this.#starting) return { status: this.#draining ? 'draining' : 'starting', checks: {} };
    const entries = await Promise.all(
      [...this.#checks].map(async ([name, { check, optional }]): Promise<[string, { status: CheckStatus }]> => {
        const signal = AbortSignal.timeout(this.checkTimeoutMs);
        try {
          await withSignal(check(signal), signal);
          return [name, { status: 'ok' }];
        } catch (error) {
          if (optional) return [name, { status: 'degraded' }];
          onError(name, error);
          return [name, { status: 'failing' }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    if (this.#draining) return { status: 'draining', checks };
    const statuses = new Set(entries.map(([, result]) => result.status));
    return { status: statuses.has('failing') ? 'failing' : statuses.has('degraded') ? 'degraded' : 'ok', checks };
  }
}
