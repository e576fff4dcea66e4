package postgres

import (
	"context"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// closeTimeout bounds the goodbye to a server that stopped answering.
const closeTimeout = 100 * time.Millisecond

// readinessConn is the one connection the readiness check uses, apart from
// the pool the requests share: under load every pooled connection may be
// busy, and a readiness check queued behind the requests would take a busy
// but healthy replica out of service. It reconnects after a failure.
type readinessConn struct {
	config *pgx.ConnConfig

	mu   sync.Mutex
	conn *pgx.Conn
}

func (r *readinessConn) ping(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.conn == nil || r.conn.IsClosed() {
		conn, err := pgx.ConnectConfig(ctx, r.config)
		if err != nil {
			return err
		}
		r.conn = conn
	}
	if err := r.conn.Ping(ctx); err != nil {
		r.drop(ctx)
		return err
	}
	return nil
}

func (r *readinessConn) close(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.conn == nil {
		return nil
	}
	err := r.conn.Close(ctx)
	r.conn = nil
	return err
}

// drop forgets a connection that failed, so the next check makes a new one.
func (r *readinessConn) drop(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
	defer cancel()
	_ = r.conn.Close(ctx)
	r.conn = nil
}
