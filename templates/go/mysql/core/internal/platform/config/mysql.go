package config

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// MySQL configures the MySQL or MariaDB connection pool.
type MySQL struct {
	// URL locates the database, such as
	// mysql://orders:secret@db:3306/orders?tls=true. It holds a password, so
	// errors never repeat it.
	URL string `env:"MYSQL_URL,required"`
	// MaxOpenConns bounds the connections of the pool; MaxIdleConns of them
	// are kept open while idle.
	MaxOpenConns int `env:"MYSQL_MAX_OPEN_CONNS" envDefault:"10"`
	MaxIdleConns int `env:"MYSQL_MAX_IDLE_CONNS" envDefault:"10"`
	// ConnMaxLifetime closes connections older than this, below the server's
	// wait_timeout and any proxy's idle cut-off, so the pool never hands out
	// one the server has dropped. ConnMaxIdleTime closes connections idle
	// that long.
	ConnMaxLifetime time.Duration `env:"MYSQL_CONN_MAX_LIFETIME" envDefault:"5m"`
	ConnMaxIdleTime time.Duration `env:"MYSQL_CONN_MAX_IDLE_TIME" envDefault:"1m"`
	// ConnectTimeout bounds each new connection, including the first one,
	// which is made at start so a wrong URL fails fast.
	ConnectTimeout time.Duration `env:"MYSQL_CONNECT_TIMEOUT" envDefault:"5s"`
	// MigrateOnStart applies pending migrations at start. Turn it off when a
	// deployment step runs `migrate` before the new version rolls out.
	MigrateOnStart bool `env:"MYSQL_MIGRATE_ON_START" envDefault:"true"`
}

func (m MySQL) validate() error {
	var errs []error
	if u, err := url.Parse(m.URL); err != nil || u.Scheme != "mysql" || u.Host == "" || len(u.Path) < 2 {
		errs = append(errs, errors.New("MYSQL_URL must be a mysql://user:password@host:port/database URL"))
	}
	if m.MaxOpenConns < 1 {
		errs = append(errs, fmt.Errorf("MYSQL_MAX_OPEN_CONNS must be positive, got %d", m.MaxOpenConns))
	}
	if m.MaxIdleConns < 0 || m.MaxIdleConns > m.MaxOpenConns {
		errs = append(errs, fmt.Errorf("MYSQL_MAX_IDLE_CONNS must be between 0 and MYSQL_MAX_OPEN_CONNS (%d), got %d", m.MaxOpenConns, m.MaxIdleConns))
	}
	if m.ConnMaxLifetime <= 0 {
		errs = append(errs, fmt.Errorf("MYSQL_CONN_MAX_LIFETIME must be positive, got %s", m.ConnMaxLifetime))
	}
	if m.ConnMaxIdleTime <= 0 {
		errs = append(errs, fmt.Errorf("MYSQL_CONN_MAX_IDLE_TIME must be positive, got %s", m.ConnMaxIdleTime))
	}
	if m.ConnectTimeout <= 0 {
		errs = append(errs, fmt.Errorf("MYSQL_CONNECT_TIMEOUT must be positive, got %s", m.ConnectTimeout))
	}
	return errors.Join(errs...)
}

// LoadMySQL reads and validates the MySQL section alone, for commands such
// as migrate that need nothing else.
func LoadMySQL(getenv func(string) string) (MySQL, error) {
	var m MySQL
	if err := parse(getenv, &m); err != nil {
		return MySQL{}, fmt.Errorf("config: %w", err)
	}
	if err := m.validate(); err != nil {
		return MySQL{}, fmt.Errorf("config: %w", err)
	}
	return m, nil
}
