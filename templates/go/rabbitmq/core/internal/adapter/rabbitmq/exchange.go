package rabbitmq

import (
	"fmt"

	amqp "github.com/rabbitmq/amqp091-go"
)

// UnroutedSuffix names the alternate exchange of the events exchange, and
// the durable queue behind it: <exchange>.unrouted.
const UnroutedSuffix = ".unrouted"

// DeclareExchange declares the durable topic exchange the events are
// published to (a no-op when it exists with these settings), with an
// alternate exchange: an event no queue is bound for yet goes to the durable
// queue <exchange>.unrouted instead of coming back to the publisher. So a
// service whose consumers are not deployed yet neither fails its requests
// nor loses its events; they wait there to be inspected or moved (a shovel).
func DeclareExchange(ch *amqp.Channel, exchange string) error {
	unrouted := exchange + UnroutedSuffix
	if err := ch.ExchangeDeclare(unrouted, amqp.ExchangeFanout, true, false, false, false, nil); err != nil {
		return fmt.Errorf("declare the exchange %s: %w", unrouted, err)
	}
	if _, err := ch.QueueDeclare(unrouted, true, false, false, false, nil); err != nil {
		return fmt.Errorf("declare the queue %s: %w", unrouted, err)
	}
	if err := ch.QueueBind(unrouted, "", unrouted, false, nil); err != nil {
		return fmt.Errorf("bind the queue %s: %w", unrouted, err)
	}
	args := amqp.Table{"alternate-exchange": unrouted}
	if err := ch.ExchangeDeclare(exchange, amqp.ExchangeTopic, true, false, false, false, args); err != nil {
		return fmt.Errorf("declare the exchange %s: %w", exchange, err)
	}
	return nil
}
