// amqp-probe publishes to and reads from a RabbitMQ vhost for the e2e tests,
// which have no AMQP client of their own:
//
//	amqp-probe -url URL publish EXCHANGE ROUTING-KEY BODY [HEADER=VALUE...]
//	amqp-probe -url URL drain QUEUE
//
// publish waits for the broker's confirm; drain takes every message of the
// queue (acking it) and prints them as one JSON array.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

type message struct {
	RoutingKey string            `json:"routing_key"`
	MessageID  string            `json:"message_id"`
	Body       string            `json:"body"`
	Headers    map[string]string `json:"headers"`
}

func main() {
	url := flag.String("url", "", "the AMQP URL, vhost included")
	flag.Parse()
	if err := run(*url, flag.Args()); err != nil {
		log.Fatal(err)
	}
}

func run(url string, args []string) error {
	conn, err := amqp.DialConfig(url, amqp.Config{Dial: amqp.DefaultDial(5 * time.Second)})
	if err != nil {
		return fmt.Errorf("dial: %w", err)
	}
	defer func() { _ = conn.Close() }()
	ch, err := conn.Channel()
	if err != nil {
		return fmt.Errorf("channel: %w", err)
	}
	switch {
	case len(args) >= 4 && args[0] == "publish":
		return publish(ch, args[1], args[2], args[3], args[4:])
	case len(args) == 2 && args[0] == "drain":
		return drain(ch, args[1])
	default:
		return errors.New("usage: amqp-probe -url URL publish EXCHANGE KEY BODY [H=V...] | drain QUEUE")
	}
}

func publish(ch *amqp.Channel, exchange, key, body string, headers []string) error {
	if err := ch.Confirm(false); err != nil {
		return fmt.Errorf("confirm mode: %w", err)
	}
	table := amqp.Table{}
	for _, header := range headers {
		name, value, _ := strings.Cut(header, "=")
		table[name] = value
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	confirm, err := ch.PublishWithDeferredConfirmWithContext(ctx, exchange, key, true, false, amqp.Publishing{
		Headers: table, Body: []byte(body), DeliveryMode: amqp.Persistent, MessageId: "probe-" + key,
	})
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	acked, err := confirm.WaitContext(ctx)
	if err != nil || !acked {
		return fmt.Errorf("not confirmed (acked %v): %w", acked, err)
	}
	return nil
}

func drain(ch *amqp.Channel, queue string) error {
	messages := []message{}
	for {
		delivery, ok, err := ch.Get(queue, false)
		if err != nil {
			return fmt.Errorf("get from %s: %w", queue, err)
		}
		if !ok {
			break
		}
		headers := map[string]string{}
		for name, value := range delivery.Headers {
			headers[name] = fmt.Sprint(value)
		}
		messages = append(messages, message{RoutingKey: delivery.RoutingKey, MessageID: delivery.MessageId, Body: string(delivery.Body), Headers: headers})
		if err := delivery.Ack(false); err != nil {
			return fmt.Errorf("ack: %w", err)
		}
	}
	return json.NewEncoder(os.Stdout).Encode(messages)
}
