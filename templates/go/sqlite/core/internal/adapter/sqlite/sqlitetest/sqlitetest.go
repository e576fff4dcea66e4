// Package sqlitetest gives each test a database file of its own in a
// temporary directory, removed when the test ends.
package sqlitetest

import (
	"path/filepath"
	"testing"
)

// Path returns the path of a database file that does not exist yet, in a
// directory of the test's own.
func Path(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "test.db")
}
