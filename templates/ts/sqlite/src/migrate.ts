// `npm run migrate`: applies pending migrations and exits, for a deployment step that runs before
// the new version starts with SQLITE_MIGRATE_ON_START=false.
import { SqliteDatabase } from './adapter/sqlite/database.js';
import { migrate } from './adapter/sqlite/migrate.js';
import { loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';

const config = loadConfig(process.env);
const logger = createLogger(config);
const db = new SqliteDatabase(config.sqlite);
db.open();
try {
  const applied = await migrate(db, logger);
  logger.info({ applied }, applied.length === 0 ? 'schema is up to date' : 'migrations applied');
} finally {
  await db.close();
}
