package rabbitmq

import (
	"testing"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

// TestDrainStopsAtAClosedChannel: when the connection is lost, amqp091
// closes the returns channel, and a publish that takes the old session before
// the watcher replaces it drains that closed channel.
func TestDrainStopsAtAClosedChannel(t *testing.T) {
	returns := make(chan amqp.Return, 2)
	returns <- amqp.Return{MessageId: "e-1"}
	close(returns)
	done := make(chan struct{})
	go func() {
		drain(returns)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("drain did not return on a closed returns channel")
	}
}

func TestDrainDiscardsWhatWaitsAndReturns(t *testing.T) {
	returns := make(chan amqp.Return, 2)
	returns <- amqp.Return{MessageId: "e-1"}
	returns <- amqp.Return{MessageId: "e-2"}
	drain(returns)
	if len(returns) != 0 {
		t.Errorf("drain left %d returns", len(returns))
	}
}
