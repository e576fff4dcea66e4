package port

import "time"

// Clock tells the current time. Use cases take it as a port so tests can fix
// the time.
type Clock interface {
	Now() time.Time
}
