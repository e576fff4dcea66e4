import pg from 'pg';
import type { Config } from '../../platform/config.js';
import { withSignal } from '../../platform/resilience.js';

/**
 * The readiness check of PostgreSQL on a connection of its own, outside the request pool: a pool
 * busy with requests is a busy service, not an unready one, and must not fail /readyz. The
 * connection is opened on the first ping and opened anew after any failure.
 */
export class PostgresReadiness {
  #client: Promise<pg.Client> | undefined;
  #pinging: Promise<void> | undefined;

  constructor(private readonly config: Pick<Config['postgres'], 'url'>) {}

  /**
   * Probes that arrive together share the ping in flight: one connection runs one query at a time
   * (pg queues the rest, a deprecated use). A caller's signal ends its wait, not the shared query,
   * which query_timeout bounds.
   */
  async ping(signal: AbortSignal): Promise<void> {
    if (this.#pinging === undefined) {
      const pinging = this.#ping().finally(() => {
        this.#pinging = undefined;
      });
      // Every caller may have stopped waiting by the time it fails.
      pinging.catch(() => undefined);
      this.#pinging = pinging;
    }
    await withSignal(this.#pinging, signal);
  }

  async #ping(): Promise<void> {
    const client = (this.#client ??= this.#connect());
    try {
      await (await client).query('SELECT 1');
    } catch (error) {
      this.#drop(client);
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.then((connected) => connected.end()).catch(() => undefined);
  }

  #connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.config.url, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
    const connected = client.connect().then(() => client);
    // A connection that breaks between pings is replaced at the next one.
    client.on('error', () => {
      this.#drop(connected);
    });
    return connected;
  }

  #drop(client: Promise<pg.Client>): void {
    if (this.#client === client) this.#client = undefined;
    void client.then((connected) => connected.end()).catch(() => undefined);
  }
}
