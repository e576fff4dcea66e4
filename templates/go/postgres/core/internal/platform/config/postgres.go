package config

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Postgres configures the PostgreSQL connection pool.
type Postgres struct {
	// URL is the connection string, such as
	// postgres://orders:secret@db:5432/orders?sslmode=verify-full. It holds a
	// password, so errors never repeat it.
	URL string `env:"POSTGRES_URL,required"`
	// MaxConns and MinConns bound the pool; MinConns connections are kept
	// open even when idle.
	MaxConns int32 `env:"POSTGRES_MAX_CONNS" envDefault:"10"`
	MinConns int32 `env:"POSTGRES_MIN_CONNS" envDefault:"0"`
	// ConnectTimeout bounds each new connection, including the first one,
	// which is made at start so a wrong URL fails fast.
	ConnectTimeout time.Duration `env:"POSTGRES_CONNECT_TIMEOUT" envDefault:"5s"`
	// MigrateOnStart applies pending migrations at start. Turn it off when a
	// deployment step runs `migrate` before the new version rolls out.
	MigrateOnStart bool `env:"POSTGRES_MIGRATE_ON_START" envDefault:"true"`
}

func (p Postgres) validate() error {
	var errs []error
	if u, err := url.Parse(p.URL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		errs = append(errs, errors.New("POSTGRES_URL must be a postgres://user:password@host:port/database URL"))
	}
	if p.MaxConns < 1 {
		errs = append(errs, fmt.Errorf("POSTGRES_MAX_CONNS must be positive, got %d", p.MaxConns))
	}
	if p.MinConns < 0 || p.MinConns > p.MaxConns {
		errs = append(errs, fmt.Errorf("POSTGRES_MIN_CONNS must be between 0 and POSTGRES_MAX_CONNS (%d), got %d", p.MaxConns, p.MinConns))
	}
	if p.ConnectTimeout <= 0 {
		errs = append(errs, fmt.Errorf("POSTGRES_CONNECT_TIMEOUT must be positive, got %s", p.ConnectTimeout))
	}
	return errors.Join(errs...)
}

// LoadPostgres reads and validates the Postgres section alone, for commands
// such as migrate that need nothing else.
func LoadPostgres(getenv func(string) string) (Postgres, error) {
	var p Postgres
	if err := parse(getenv, &p); err != nil {
		return Postgres{}, fmt.Errorf("config: %w", err)
	}
	if err := p.validate(); err != nil {
		return Postgres{}, fmt.Errorf("config: %w", err)
	}
	return p, nil
}
