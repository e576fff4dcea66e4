import { execa } from 'execa';

/** The machine's shared PostgreSQL, as `npm test` starts it; tests work in schemas of their own and drop them. */
export const ADMIN_URL = process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable';

/** Runs one SQL statement through psql and returns its unaligned output. */
export async function psql(sql: string): Promise<string> {
  const result = await execa('psql', [ADMIN_URL, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`psql failed: ${result.all}`);
  return String(result.stdout).trim();
}

/** Whether the shared PostgreSQL answers; under CI it must, and a test that needs it fails instead of skipping. */
export async function sharedPostgresReachable(): Promise<boolean> {
  const reachable = await psql('SELECT 1').then(
    () => true,
    () => false,
  );
  if (!reachable && process.env.CI) throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}, but CI is set: this test must run, not be skipped`);
  return reachable;
}
