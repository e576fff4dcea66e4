/**
 * The variables the start/stop test needs beyond the defaults, one set per outbound dependency,
 * each pointing at a real server. undefined when such a server is not given: the test is then
 * skipped, unless CI or REQUIRE_INTEGRATION is set (integrationTarget throws then).
 */
export function serviceTestEnv(): Record<string, string> | undefined {
  return {};
}
