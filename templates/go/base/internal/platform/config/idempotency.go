package config

import (
	"fmt"
	"time"
)

// Idempotency configures the Idempotency-Key support of POST requests.
type Idempotency struct {
	// KeyTTL is how long a key and its response are kept: a retry within it
	// is answered with the first response, a later one runs again. Make it
	// longer than any client retries.
	KeyTTL time.Duration `env:"IDEMPOTENCY_KEY_TTL" envDefault:"24h"`
}

func (i Idempotency) validate() error {
	if i.KeyTTL <= 0 {
		return fmt.Errorf("IDEMPOTENCY_KEY_TTL must be positive, got %s", i.KeyTTL)
	}
	return nil
}
