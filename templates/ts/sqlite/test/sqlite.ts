import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteDatabase } from '../src/adapter/sqlite/database.js';

/** An open database on a file of its own in a fresh temporary directory; remove() closes it and deletes the directory. */
export function testDatabase(busyTimeoutMs = 5_000): { db: SqliteDatabase; file: string; remove: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-test-'));
  const file = path.join(dir, 'test.db');
  const db = new SqliteDatabase({ path: file, busyTimeoutMs });
  db.open();
  return {
    db,
    file,
    async remove() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database path in a fresh temporary directory, for tests that start the whole service: called at
 * the top of a test file, it removes the directory after the file's tests (a test worker is not
 * sure to see its process exit, so an exit handler left the directories behind).
 */
export function testDatabasePath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-test-'));
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return path.join(dir, 'service.db');
}
