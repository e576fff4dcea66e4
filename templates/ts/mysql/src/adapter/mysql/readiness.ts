import mysql from 'mysql2/promise';
import type { Config } from '../../platform/config.js';
import { withSignal } from '../../platform/resilience.js';

/**
 * The readiness check of MySQL on a connection of its own, outside the request pool: a pool busy
 * with requests is a busy service, not an unready one, and must not fail /readyz. The connection
 * is opened on the first ping and opened anew after any failure.
 */
export class MysqlReadiness {
  #connection: Promise<mysql.Connection> | undefined;
  #pinging: Promise<void> | undefined;

  constructor(private readonly config: Pick<Config['mysql'], 'url'>) {}

  /** Probes that arrive together share the ping in flight; a caller's signal ends its wait, not the shared ping. */
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
    const connection = (this.#connection ??= this.#connect());
    try {
      await (await connection).query({ sql: 'SELECT 1', timeout: 5_000 });
    } catch (error) {
      this.#drop(connection);
      throw error;
    }
  }

  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    await connection?.then((connected) => connected.end()).catch(() => undefined);
  }

  #connect(): Promise<mysql.Connection> {
    const connected = mysql.createConnection({ uri: this.config.url, connectTimeout: 5_000 });
    // A connection that breaks between pings is replaced at the next one.
    void connected
      .then((connection) => {
        connection.on('error', () => {
          this.#drop(connected);
        });
      })
      .catch(() => undefined);
    return connected;
  }

  #drop(connection: Promise<mysql.Connection>): void {
    if (this.#connection === connection) this.#connection = undefined;
    void connection
      .then((connected) => {
        connected.destroy();
      })
      .catch(() => undefined);
  }
}
