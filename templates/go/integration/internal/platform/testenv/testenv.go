// Package testenv lets integration tests find the servers they need. A test
// asks for the environment variable that locates its server: when it is unset
// the test is skipped on a developer's machine, but fails when CI or
// REQUIRE_INTEGRATION is set, because there a missing server is a broken
// pipeline, not a reason to skip.
package testenv

import (
	"os"
	"testing"
)

// Server returns the value of variable, which locates a server an
// integration test needs (e.g. POSTGRES_TEST_URL). When it is unset the test
// is skipped, or fails if CI or REQUIRE_INTEGRATION is set.
func Server(tb testing.TB, variable string) string {
	tb.Helper()
	if value := os.Getenv(variable); value != "" {
		return value
	}
	for _, required := range []string{"REQUIRE_INTEGRATION", "CI"} {
		if os.Getenv(required) != "" {
			tb.Fatalf("%s is not set, but %s is: integration tests must run here, not be skipped", variable, required)
		}
	}
	tb.Skipf("integration test: set %s to run it", variable)
	return ""
}
