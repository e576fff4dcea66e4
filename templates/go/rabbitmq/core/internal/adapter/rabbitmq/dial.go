package rabbitmq

import (
	"context"
	"net"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

// connect opens an AMQP connection that cancelling ctx abandons at once, in
// the TCP connect or in the AMQP handshake, where amqp091's DefaultDial would
// wait out the whole timeout. As with DefaultDial, timeout bounds the connect
// and, as a deadline, the handshake. The connection it returns outlives ctx.
func connect(ctx context.Context, url string, timeout time.Duration, cfg amqp.Config) (*amqp.Connection, error) {
	var stop func() bool
	cfg.Dial = func(network, addr string) (net.Conn, error) {
		dialer := net.Dialer{Timeout: timeout}
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
			_ = conn.Close()
			return nil, err
		}
		stop = context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Now()) })
		return conn, nil
	}
	conn, err := amqp.DialConfig(url, cfg)
	// Once open, amqp091 has cleared the handshake deadline and sets its own
	// (heartbeats, close): a cancel must no longer touch the connection. When
	// the cancel came first, it may have cut the connection just opened.
	if stop != nil && !stop() {
		if err == nil {
			_ = conn.Close()
		}
		return nil, ctx.Err()
	}
	return conn, err
}
