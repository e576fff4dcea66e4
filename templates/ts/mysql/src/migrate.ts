// `npm run migrate`: applies pending migrations and exits, for a deployment step (e.g. a Job)
// that runs before the new version starts with MYSQL_MIGRATE_ON_START=false.
import { migrate } from './adapter/mysql/migrate.js';
import { createMysqlPool } from './adapter/mysql/pool.js';
import { loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';

const config = loadConfig(process.env);
const logger = createLogger(config);
const pool = createMysqlPool(config.mysql);
try {
  const applied = await migrate(pool, logger);
  logger.info({ applied }, applied.length === 0 ? 'schema is up to date' : 'migrations applied');
} finally {
  await pool.end();
}
