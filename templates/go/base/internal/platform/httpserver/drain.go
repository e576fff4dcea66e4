package httpserver

import (
	"net/http"
	"sync/atomic"
)

// drainer answers every request with Connection: close once draining has
// begun, so each keep-alive connection is closed by the server right after a
// complete response, the one moment a client cannot be caught sending on it.
//
// It deliberately does not call http.Server.SetKeepAlivesEnabled(false) at
// that moment: that also closes the idle connections at once, and a client
// that picked one of them for its next request in the same instant would
// lose a request that is not retried (a POST). Idle connections are closed by
// Shutdown, after the drain delay, when load balancers have stopped routing
// new requests here.
type drainer struct {
	draining atomic.Bool
}

func (d *drainer) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d.draining.Load() {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}

// Drain starts closing keep-alive connections after their next response.
// Call it when readiness turns to draining, before the drain delay.
func (s *Server) Drain() {
	s.drainer.draining.Store(true)
}
