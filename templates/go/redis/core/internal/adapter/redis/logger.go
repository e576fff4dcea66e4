package redis

import (
	"context"
	"fmt"
	"log/slog"

	goredis "github.com/redis/go-redis/v9"
)

// go-redis reports what it does on its own, such as reconnecting or failing
// to dial, through a package-level logger that writes plain text to stderr.
// Send it to slog's default logger instead, which the service sets to its
// own, so these reports are JSON lines like every other.
func init() {
	goredis.SetLogger(slogPrinter{})
}

// slogPrinter is go-redis' Logging interface over slog.Default().
type slogPrinter struct{}

// Printf logs one message of go-redis at WARN: it only reports trouble.
func (slogPrinter) Printf(ctx context.Context, format string, v ...any) {
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "redis client", slog.String("detail", fmt.Sprintf(format, v...)))
}
