package httpserver

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDrainClosesKeepAliveConnectionsAfterTheirNextResponse(t *testing.T) {
	s := start(t, testConfig(), http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	client := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(client.CloseIdleConnections)
	// closes reports whether the response says Connection: close, as the
	// client reads it.
	closes := func() bool {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://"+s.ln.Addr().String(), http.NoBody)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET: %v", err)
		}
		defer resp.Body.Close()
		return resp.Close
	}

	if closes() {
		t.Error("before Drain: the response closes the connection, want it kept alive")
	}
	s.Drain()
	if !closes() {
		t.Error("after Drain: the response keeps the connection alive, want Connection: close")
	}
}

// TestKeepAliveClientsThatStopAtReadinessLoseNoRequest plays a load balancer's
// part: clients reuse connections until readiness turns 503 and then stop;
// the server drains and shuts down. Every request sent must be answered.
func TestKeepAliveClientsThatStopAtReadinessLoseNoRequest(t *testing.T) {
	var draining atomic.Bool
	var served atomic.Int64
	s := start(t, testConfig(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/readyz" {
			if draining.Load() {
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			w.WriteHeader(http.StatusOK)
			return
		}
		served.Add(1)
		w.WriteHeader(http.StatusCreated)
	}))
	base := "http://" + s.ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	t.Cleanup(client.CloseIdleConnections)
	do := func(method, path string) (int, error) {
		req, _ := http.NewRequestWithContext(context.Background(), method, base+path, http.NoBody)
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}

	var sent, failed atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				if status, err := do(http.MethodGet, "/readyz"); err != nil || status != http.StatusOK {
					return
				}
				sent.Add(1)
				if status, err := do(http.MethodPost, "/orders"); err != nil || status != http.StatusCreated {
					failed.Add(1)
				}
			}
		})
	}
	time.Sleep(100 * time.Millisecond)

	// What Run does on SIGTERM: readiness turns 503, connections close after
	// their next response, and after the drain delay the server shuts down.
	draining.Store(true)
	s.Drain()
	time.Sleep(100 * time.Millisecond)
	if err := s.Shutdown(t.Context()); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	wg.Wait()

	if failed.Load() != 0 || sent.Load() != served.Load() {
		t.Errorf("sent %d, served %d, failed %d: want every request served", sent.Load(), served.Load(), failed.Load())
	}
	if sent.Load() == 0 {
		t.Error("no request was sent before the drain")
	}
}
