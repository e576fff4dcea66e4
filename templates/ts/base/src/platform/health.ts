/** A dependency the service needs to serve traffic: it throws (or rejects) when unusable. */
export type Check = (signal: AbortSignal) => Promise<void>;

export type CheckStatus = 'ok' | 'failing';

export interface Readiness {
  status: 'ok' | 'failing' | 'draining';
  checks: Record<string, { status: CheckStatus }>;
}

/** Readiness of the service: every dependency check, and whether a shutdown has begun. */
export class Health {
  readonly #checks = new Map<string, Check>();
  #draining = false;

  constructor(private readonly checkTimeoutMs = 1000) {}

  /** Registers a dependency by name, e.g. "postgres". */
  add(name: string, check: Check): void {
    this.#checks.set(name, check);
  }

  /** From now on the service reports "draining" (503) so load balancers stop routing to it. */
  drain(): void {
    this.#draining = true;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Runs every check concurrently, each bounded by the check timeout. Errors go to onError, not to clients. */
  async readiness(onError: (name: string, error: unknown) => void): Promise<Readiness> {
    const entries = await Promise.all(
      [...this.#checks].map(async ([name, check]): Promise<[string, { status: CheckStatus }]> => {
        try {
          await check(AbortSignal.timeout(this.checkTimeoutMs));
          return [name, { status: 'ok' }];
        } catch (error) {
          onError(name, error);
          return [name, { status: 'failing' }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    if (this.#draining) return { status: 'draining', checks };
    return { status: entries.every(([, result]) => result.status === 'ok') ? 'ok' : 'failing', checks };
  }
}
