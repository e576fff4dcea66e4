// `npm run migrate`: applies pending migrations and exits, for a deployment step (e.g. a Job)
// that runs before the new version starts with POSTGRES_MIGRATE_ON_START=false.
import { migrate } from './adapter/postgres/migrate.js';
import { createPool } from './adapter/postgres/pool.js';
import { loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';

const config = loadConfig(process.env);
const logger = createLogger(config);
const pool = createPool(config.postgres);
try {
  const applied = await migrate(pool, logger);
  logger.info({ applied }, applied.length === 0 ? 'schema is up to date' : 'migrations applied');
} finally {
  await pool.end();
}
