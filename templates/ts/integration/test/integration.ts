/**
 * The address of a real server for integration tests, from the environment (POSTGRES_TEST_URL,
 * REDIS_TEST_ADDR). When it is unset the tests skip, unless CI or REQUIRE_INTEGRATION is set:
 * then a missing server is an error, so integration tests never silently stop running.
 */
export function integrationTarget(variable: 'POSTGRES_TEST_URL' | 'MYSQL_TEST_URL' | 'REDIS_TEST_ADDR'): string | undefined {
  const value = process.env[variable];
  if (value !== undefined && value !== '') return value;
  if (process.env.CI || process.env.REQUIRE_INTEGRATION) {
    throw new Error(`${variable} is not set, and CI or REQUIRE_INTEGRATION requires the integration tests to run`);
  }
  return undefined;
}
