package outbound_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any of them leaves a goroutine behind:
// a timer, a connection or a call that outlived its test.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
