import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../domain/errors.js';
import type { Config } from '../../platform/config.js';
import { withSignal } from '../../platform/resilience.js';
import { storeError } from './unavailable.js';

/** One SQLite connection, as the repositories use it inside read() and write(). */
export type Connection = Database.Database;

interface Connections {
  writer: Connection;
  reader: Connection;
}

/** The database of `config`, opened by open() (at start, so a bad SQLITE_PATH stops the service there). */
export function createSqliteDatabase(config: Pick<Config['sqlite'], 'path' | 'busyTimeoutMs'>): SqliteDatabase {
  return new SqliteDatabase(config);
}

/**
 * An SQLite database file in WAL mode with foreign keys on. better-sqlite3 is synchronous and Node
 * runs one statement at a time, so a pool of readers would add no concurrency: there is one writer
 * connection, whose transactions (BEGIN IMMEDIATE) take turns in a queue bounded by each request's
 * deadline, and one read-only connection, which in WAL mode never waits for the writer.
 * A lock held by another process (e.g. `npm run migrate`) is waited for up to busyTimeoutMs; that
 * wait blocks the event loop, as every call of a synchronous driver does.
 */
export class SqliteDatabase {
  #connections: Connections | undefined;
  /** Settles when the last queued write transaction ends: the next one starts after it. */
  #tail: Promise<void> = Promise.resolve();
  readonly #transaction = new AsyncLocalStorage<Connection>();

  constructor(private readonly config: Pick<Config['sqlite'], 'path' | 'busyTimeoutMs'>) {}

  /**
   * Creates the directory and the file when missing and opens both connections. A file that cannot
   * be written is an error here, at start, rather than at the first write.
   */
  open(): void {
    if (this.#connections !== undefined) return;
    const { path: file, busyTimeoutMs } = this.config;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const writer = new Database(file, { timeout: busyTimeoutMs });
    try {
      // SQLite opens a file it may not write read-only, without a word: refuse it.
      if (writer.readonly) throw new Error(`SQLITE_PATH ${file} cannot be written`);
      writer.pragma('journal_mode = WAL');
      writer.pragma('synchronous = NORMAL');
      writer.pragma('foreign_keys = ON');
      const reader = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
      reader.pragma('foreign_keys = ON');
      this.#connections = { writer, reader };
    } catch (error) {
      writer.close();
      throw error;
    }
  }

  /**
   * Runs `work` in a write transaction (BEGIN IMMEDIATE) once the writer is free, and commits it
   * when `work` resolves, or rolls it back when it throws. Called inside another write (an
   * idempotent request's repository calls), it joins that transaction. Waiting past `signal`'s
   * deadline, or a store that cannot write (busy, disk), is an UnavailableError (503).
   */
  async write<T>(signal: AbortSignal, work: (connection: Connection) => T | Promise<T>): Promise<T> {
    const joined = this.#transaction.getStore();
    if (joined !== undefined) return work(joined);
    const release = await this.#acquire(signal);
    try {
      const { writer } = this.#open();
      writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.#transaction.run(writer, () => work(writer));
        writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (writer.inTransaction) writer.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      throw storeError(error);
    } finally {
      release();
    }
  }

  /**
   * Runs `work` on the read-only connection, or inside the write transaction the caller runs in
   * (so a request reads what it wrote).
   */
  read<T>(signal: AbortSignal, work: (connection: Connection) => T): T {
    signal.throwIfAborted();
    try {
      return work(this.#transaction.getStore() ?? this.#open().reader);
    } catch (error) {
      throw storeError(error);
    }
  }

  /** The readiness check: the schema read on the reader, which never waits for the writer. */
  ping(): Promise<void> {
    return Promise.resolve().then(() => {
      this.read(AbortSignal.timeout(this.config.busyTimeoutMs), (connection) => connection.prepare('SELECT count(*) FROM sqlite_schema').get());
    });
  }

  /** Waits for the queued writes, folds the write-ahead log into the file and closes both connections. */
  async close(): Promise<void> {
    await this.#tail;
    const connections = this.#connections;
    this.#connections = undefined;
    if (connections === undefined) return;
    connections.reader.close();
    try {
      connections.writer.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      connections.writer.close();
    }
  }

  #open(): Connections {
    if (this.#connections === undefined) throw new UnavailableError('the database (not open)');
    return this.#connections;
  }

  /** Takes the writer's turn after the writes queued before; a caller whose signal ends first gives up its place. */
  async #acquire(signal: AbortSignal): Promise<() => void> {
    const previous = this.#tail;
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.#tail = previous.then(() => mine);
    try {
      await withSignal(previous, signal);
    } catch (error) {
      void previous.then(release);
      throw storeError(error);
    }
    return release;
  }
}
