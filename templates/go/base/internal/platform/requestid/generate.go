package requestid

import (
	"crypto/rand"
	"strconv"
	"sync/atomic"
)

// An ID is this process's random prefix and a sequence number: unique enough
// to correlate a request's lines across services, without reading
// crypto/rand on every request. IDs are not secrets and must not be used as
// such.
var (
	processPrefix = rand.Text()[:16]
	sequence      atomic.Uint64
)

// New returns a fresh request ID, such as 7QXKZ2M4A9PD3L6T-1f.
func New() string {
	var buf [32]byte
	id := append(buf[:0], processPrefix...)
	id = append(id, '-')
	id = strconv.AppendUint(id, sequence.Add(1), 36)
	return string(id)
}
