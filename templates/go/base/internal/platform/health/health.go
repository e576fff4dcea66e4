// Package health keeps the readiness checks of the service's dependencies and
// knows when the service is draining before shutdown.
package health

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"sync/atomic"
	"time"
)

// Check reports whether a dependency can serve requests, typically by pinging
// it. It should return promptly once ctx is done.
type Check func(ctx context.Context) error

// Status is the outcome of a readiness check or of all of them.
type Status string

// Statuses a Report can carry.
const (
	StatusOK       Status = "ok"
	StatusFailing  Status = "failing"
	StatusDraining Status = "draining"
	// StatusDegraded is the status of a failing optional dependency, and of
	// a service whose only failing checks are optional: it still serves.
	StatusDegraded Status = "degraded"
)

// Report is the readiness of the service.
type Report struct {
	Status Status            `json:"status"`
	Checks map[string]Result `json:"checks,omitempty"`
}

// Ready reports whether the service should receive traffic.
func (r Report) Ready() bool { return r.Status == StatusOK || r.Status == StatusDegraded }

// Result is the outcome of one check. Err stays out of the JSON document:
// readiness endpoints are often reachable by more parties than the logs.
type Result struct {
	Status Status `json:"status"`
	Err    error  `json:"-"`
}

// Registry holds the readiness checks. It is safe for concurrent use.
type Registry struct {
	timeout  time.Duration
	draining atomic.Bool
	drained  chan struct{}
	drain    sync.Once

	mu       sync.RWMutex
	checks   map[string]Check
	optional map[string]bool
}

// NewRegistry returns a registry that gives every check timeout to answer.
func NewRegistry(timeout time.Duration) *Registry {
	return &Registry{timeout: timeout, drained: make(chan struct{}), checks: make(map[string]Check), optional: make(map[string]bool)}
}

// Register adds the check of a dependency. Registering a name twice is a
// programming error and panics.
func (r *Registry) Register(name string, check Check) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.checks[name]; dup {
		panic(fmt.Sprintf("health: check %q registered twice", name))
	}
	r.checks[name] = check
}

// RegisterOptional adds the check of a dependency the service can do
// without, such as a cache: when it fails, the report says the service is
// degraded but still ready, so an outage of the dependency does not take
// every replica out of service.
func (r *Registry) RegisterOptional(name string, check Check) {
	r.Register(name, check)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.optional[name] = true
}

// Drain marks the service as shutting down: from now on every report is
// StatusDraining, so load balancers stop sending new requests.
func (r *Registry) Drain() {
	r.drain.Do(func() {
		r.draining.Store(true)
		close(r.drained)
	})
}

// Drained is closed when the service starts draining, for those that watch
// readiness rather than ask for it.
func (r *Registry) Drained() <-chan struct{} { return r.drained }

// Check runs every check concurrently, each bounded by the registry's
// timeout, and reports StatusOK only if all of them pass.
func (r *Registry) Check(ctx context.Context) Report {
	if r.draining.Load() {
		return Report{Status: StatusDraining}
	}

	r.mu.RLock()
	checks, optional := maps.Clone(r.checks), maps.Clone(r.optional)
	r.mu.RUnlock()

	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		results = make(map[string]Result, len(checks))
	)
	for name, check := range checks {
		wg.Go(func() {
			res := r.run(ctx, check)
			if res.Status == StatusFailing && optional[name] {
				res.Status = StatusDegraded
			}
			mu.Lock()
			results[name] = res
			mu.Unlock()
		})
	}
	wg.Wait()

	report := Report{Status: StatusOK, Checks: results}
	for _, res := range results {
		switch {
		case res.Status == StatusFailing:
			report.Status = StatusFailing
		case res.Status == StatusDegraded && report.Status == StatusOK:
			report.Status = StatusDegraded
		}
	}
	return report
}

// run runs one check and stops waiting for it at the timeout, even if the
// check ignores its context.
func (r *Registry) run(ctx context.Context, check Check) Result {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()

	done := make(chan error, 1)
	go func() { done <- check(ctx) }()

	select {
	case err := <-done:
		if err != nil {
			return Result{Status: StatusFailing, Err: err}
		}
		return Result{Status: StatusOK}
	case <-ctx.Done():
		return Result{Status: StatusFailing, Err: fmt.Errorf("no answer within %s: %w", r.timeout, ctx.Err())}
	}
}
