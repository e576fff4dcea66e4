package bootstrap

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
)

// worker is a background task of the service, such as the outbox relay. It
// runs until its context is cancelled, which happens after the HTTP drain,
// and returns nil then.
type worker struct {
	name string
	run  func(ctx context.Context) error
}

// startWorkers runs each worker in a goroutine of its own and returns the
// function that cancels them and waits for them to return. ctx's values are
// kept, its cancellation is not: workers stop when stop is called.
func startWorkers(ctx context.Context, log *slog.Logger, workers []worker) (stop func() error) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, w := range workers {
		wg.Go(func() {
			if err := w.run(ctx); err != nil {
				log.ErrorContext(ctx, "worker failed", slog.String("worker", w.name), slog.Any("error", err))
				mu.Lock()
				errs = append(errs, fmt.Errorf("%s: %w", w.name, err))
				mu.Unlock()
			}
		})
	}
	return func() error {
		cancel()
		wg.Wait()
		return errors.Join(errs...)
	}
}
