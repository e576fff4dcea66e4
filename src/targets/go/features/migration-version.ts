export const MIGRATIONS = 'migrations';

/** `00003` after `00001_init.sql` and `00002_create_idempotency_keys.sql`: one past the highest number. */
export function nextMigrationVersion(files: readonly string[]): string {
  const versions = files.map((file) => Number.parseInt(file.slice(MIGRATIONS.length + 1), 10)).filter(Number.isFinite);
  return String(Math.max(0, ...versions) + 1).padStart(5, '0');
}
