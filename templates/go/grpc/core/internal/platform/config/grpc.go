package config

import (
	"errors"
	"fmt"
	"net"
	"time"
)

// GRPC configures the gRPC server: its own port, its limits and keepalive
// enforcement.
type GRPC struct {
	// Addr is where the gRPC server listens, such as :50051.
	Addr string `env:"GRPC_ADDR" envDefault:":50051"`
	// Reflection serves the reflection service, for grpcurl and similar
	// tools. Turn it off where the API's shape should not be discoverable.
	Reflection bool `env:"GRPC_REFLECTION" envDefault:"true"`
	// MaxRecvMsgBytes and MaxSendMsgBytes bound the size of one message.
	MaxRecvMsgBytes int `env:"GRPC_MAX_RECV_MSG_BYTES" envDefault:"4194304"`
	MaxSendMsgBytes int `env:"GRPC_MAX_SEND_MSG_BYTES" envDefault:"4194304"`
	// RequestTimeout bounds each rpc whose client set no shorter deadline;
	// the deadline reaches the use case through its context.
	RequestTimeout time.Duration `env:"GRPC_REQUEST_TIMEOUT" envDefault:"10s"`
	// KeepaliveTime is how long a connection may be idle before the server
	// pings it, and KeepaliveTimeout how long it waits for the answer.
	KeepaliveTime    time.Duration `env:"GRPC_KEEPALIVE_TIME" envDefault:"2h"`
	KeepaliveTimeout time.Duration `env:"GRPC_KEEPALIVE_TIMEOUT" envDefault:"20s"`
	// KeepaliveMinTime is the shortest interval between the pings of a
	// client: one that pings more often is disconnected (ENHANCE_YOUR_CALM).
	KeepaliveMinTime time.Duration `env:"GRPC_KEEPALIVE_MIN_TIME" envDefault:"5m"`
	// MaxConnectionAge closes a connection after this long, gracefully, so
	// that clients spread over new replicas.
	MaxConnectionAge time.Duration `env:"GRPC_MAX_CONNECTION_AGE" envDefault:"30m"`
}

func (g GRPC) validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(g.Addr); err != nil {
		errs = append(errs, fmt.Errorf("GRPC_ADDR %q is not host:port (e.g. :50051): %w", g.Addr, err))
	}
	for _, size := range []struct {
		name  string
		value int
	}{{"GRPC_MAX_RECV_MSG_BYTES", g.MaxRecvMsgBytes}, {"GRPC_MAX_SEND_MSG_BYTES", g.MaxSendMsgBytes}} {
		if size.value < 1 {
			errs = append(errs, fmt.Errorf("%s must be positive, got %d", size.name, size.value))
		}
	}
	for _, d := range []struct {
		name  string
		value time.Duration
	}{
		{"GRPC_REQUEST_TIMEOUT", g.RequestTimeout},
		{"GRPC_KEEPALIVE_TIME", g.KeepaliveTime},
		{"GRPC_KEEPALIVE_TIMEOUT", g.KeepaliveTimeout},
		{"GRPC_KEEPALIVE_MIN_TIME", g.KeepaliveMinTime},
		{"GRPC_MAX_CONNECTION_AGE", g.MaxConnectionAge},
	} {
		if d.value <= 0 {
			errs = append(errs, fmt.Errorf("%s must be positive, got %s", d.name, d.value))
		}
	}
	return errors.Join(errs...)
}
