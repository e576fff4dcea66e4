package outbound

import (
	"crypto/rand"
	mathrand "math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// backoff returns the wait before retry number attempt (1 for the first
// retry): full jitter, a random time between 0 and base·2^(attempt-1),
// capped at most, so that clients that failed together do not retry
// together.
func backoff(base, most time.Duration, attempt int) time.Duration {
	ceiling := most
	if shift := attempt - 1; shift < 32 && base<<shift > 0 && base<<shift < most {
		ceiling = base << shift
	}
	if ceiling <= 0 {
		return 0
	}
	return mathrand.N(ceiling + 1) //nolint:gosec // jitter needs no cryptographic randomness
}

// retryAfter returns the wait an answer's Retry-After asks for, in seconds or
// as an HTTP date, or 0.
func retryAfter(header http.Header, now time.Time) time.Duration {
	value := header.Get("Retry-After")
	if value == "" {
		return 0
	}
	if seconds, err := strconv.Atoi(value); err == nil {
		return time.Duration(max(seconds, 0)) * time.Second
	}
	if at, err := http.ParseTime(value); err == nil && at.After(now) {
		return at.Sub(now)
	}
	return 0
}

// retryReserve is the number of retries the budget allows before any call
// has paid for one, so a quiet client can still retry.
const retryReserve = 10

// retryBudget allows retries in proportion to calls: each call deposits
// ratio, each retry withdraws one. During an outage every call fails, the
// deposits cannot keep up, and the load a dependency sees stays close to the
// load of the first attempts.
type retryBudget struct {
	mu     sync.Mutex
	ratio  float64
	tokens float64
}

func newRetryBudget(ratio float64) *retryBudget {
	return &retryBudget{ratio: ratio, tokens: retryReserve}
}

func (b *retryBudget) deposit() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens = min(b.tokens+b.ratio, retryReserve)
}

func (b *retryBudget) withdraw() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// newIdempotencyKey returns a random key for the Idempotency-Key header.
func newIdempotencyKey() string {
	return rand.Text()
}
